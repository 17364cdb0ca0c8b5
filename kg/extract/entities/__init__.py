"""People, places and organisations of one article, from spaCy's entities plus rules.

``mentions`` runs the steps (see its docstring); ``spans`` cuts spans to names,
``knowledge`` applies authority files and patterns, ``recover`` finds names the model
missed, ``cues`` and ``decide`` type them, ``names`` joins short forms to full names,
``profile`` reads job titles and nationality, ``found`` is the working record.
May import: kg.model, kg.lexicon, kg.extract.page.
"""
