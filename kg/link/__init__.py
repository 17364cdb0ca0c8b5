"""Linking: IRIs for everything, the same entity one IRI across articles, places → GeoNames."""
