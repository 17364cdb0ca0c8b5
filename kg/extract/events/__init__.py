"""The happenings an article reports, read from spaCy's parse (no RDF, no IRIs).

``detect`` finds events from trigger words (``triggers``) and their arguments
(``clauses``), ``placetime`` their place and date, ``dates`` resolves date
expressions, ``context`` holds what the detector knows about one article.
May import: kg.model, kg.lexicon, kg.extract.page, kg.extract.entities.
"""
