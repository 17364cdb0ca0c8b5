"""A build on the web: ``describe`` (an IRI's description from the store), ``pages`` and
``svg`` (HTML pages), ``site`` (the static Linked Data site), ``embed`` and ``inject``
(JSON-LD for a publisher's page), ``negotiation`` (Linked Data by content negotiation,
framework-free). May import up to kg.sparql.
"""
