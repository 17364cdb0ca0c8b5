"""kg: news articles in, a validated schema.org knowledge graph out.

The packages follow the flow, each importing only the stages before it and the
shared lower modules (tests/test_layering.py checks the import graph):

    lower      model, errors, config, parallel, timing, lexicon/   (records, errors,
               settings, process pools, stage timings, word lists and gazetteers;
               they import no stage)
    sources/   read files, folders, JSON Lines, feeds and pages → RawDocument
    extract/   RawDocument → Article: page/ structure, entities/, events/, and the
               runner (article, nlp, workers)
    link/      IRIs, one entity and one event per real thing across articles
    rdf/       Article → triples; namespaces, JSON-LD, the format registry
    validate/  SHACL with pySHACL over shapes/*.ttl
    publish/   commit a build: the output folder, its lock, store, files, manifest
    build/     orchestration of a whole build: corpus, caches, batches, workers
    sparql/    queries over the store, query text checks, Graph Store push
    web/       describing IRIs, pages, the site, embedded JSON-LD, content negotiation
    serve/     the HTTP server (SPARQL endpoint and Linked Data)
    cli/       the command line: the only package that knows click
"""

__version__ = "0.1.0"
