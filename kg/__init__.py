"""kg: news articles in, a validated schema.org knowledge graph out."""

__version__ = "0.1.0"
