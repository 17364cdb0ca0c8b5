"""Word lists and gazetteers that several stages share (lower: imports only kg.model).

``gazetteer`` (GeoNames places, demonyms, regions, offline), ``words`` (English common
words and given names, the default model names), ``agencies`` (news agency names).
Their data tables live in kg/data/. Part of the extraction cache key.
"""
