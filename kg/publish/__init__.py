"""Committing a build: the locked output folder and its staging (``output``), the
Oxigraph store (``store``), exports and atomic file writes (``files``), the manifest,
the commit itself (``publish``) and ``remove``. May import up to kg.validate.
"""
