"""Page structure of a source text: headline, byline, dateline, captions, body, comments.

``chrome`` tells page furniture from prose line by line, ``marks`` reads bylines,
datelines, photo credits and sign-offs, ``layout`` assembles the Layout record and
``view`` builds the text NER reads (with offsets back into the source).
May import: kg.model, kg.lexicon.
"""
