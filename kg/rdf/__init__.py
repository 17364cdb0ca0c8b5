"""RDF: namespaces, the mapping of records to triples, and kg's serialisers."""
