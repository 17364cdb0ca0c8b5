"""RDF: namespaces, the mapping of records to triples (``mapping``, ``events``), kg's
JSON-LD writer, reading RDF files, and the registry of every format (``formats``).
May import: kg.link and earlier, and the lower modules.
"""
