"""SPARQL over a published build: ``query`` (run a query on the store, write results),
``text`` (prefixes, bindings, SERVICE checks on the query text), ``limits`` (how deep
a query may nest before Oxigraph parses it), ``push`` (SPARQL 1.1 Graph Store
Protocol push to another store, with a deadline). May import up to kg.publish.
"""
