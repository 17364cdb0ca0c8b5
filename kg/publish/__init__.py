"""Committing a build: the published states of an output folder and the pointer readers
follow (``state``), the folder's lock (``lock``), the locked folder, its draft state and
the commit (``output``), the Oxigraph store (``store``), exports and atomic file writes
(``files``), the manifest, what a build publishes (``publish``) and ``remove``. May
import up to kg.validate.
"""
