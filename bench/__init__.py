"""Benchmarks and scoring scripts, run by hand or from tests; not part of the package."""
