"""The happenings an article reports, read from spaCy's parse (no RDF, no IRIs).

``detect`` finds events from trigger words (``triggers`` and its ``triggers_law``,
``triggers_life``, ``triggers_work`` tables, forms written out by ``kind``) and their
arguments (``participants``, ``clauses``); ``placetime`` gives their place and date,
``dates`` resolves date expressions. ``main`` picks the article's main event from its
lead: an event on the lead's main clause, a statement that is the news
(``statements``), or the clause itself as a happening (``leadclause``), in English
sentences only (``language``). ``context`` holds what the detector knows about one
article and which mechanisms run.
May import: kg.model, kg.lexicon, kg.extract.page, kg.extract.entities.
"""
