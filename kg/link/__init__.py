"""Linking: IRIs for everything (``iris``), the same entity one IRI across articles
(``merge``), the same event one IRI (``events``, named by ``event_names``).
May import: kg.extract and earlier, and the lower modules.
"""
