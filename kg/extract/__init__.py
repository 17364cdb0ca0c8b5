"""Extraction: page structure, NER and rules, events. Produces typed records, no RDF."""
