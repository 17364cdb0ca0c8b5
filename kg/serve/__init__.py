"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store kg build wrote.
May import: kg.web and earlier, and the lower modules.

- ``app.py`` builds the ASGI application (Starlette): /sparql, CORS, and a list of
  extra routes other parts of kg mount next to it.
- ``pool.py`` runs queries in worker processes, so a runaway query can be killed.
- ``worker.py`` is what a worker process runs (with its limits); ``negotiate.py``
  picks result formats.
- ``guard.py`` holds the server up against hostile clients: bounded admission, a
  deadline for request heads, nosniff, a reason in every 500, strict path decoding.
"""
