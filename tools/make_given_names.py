"""Regenerate kg/data/given_names.txt from Faker's person providers (MIT licence).

Given names in Latin script from every Faker locale, one per line. Run by a
developer with Faker installed (`pip install faker`); kg itself does not need
Faker. Names that are also the names of countries are left out.

    python tools/make_given_names.py > kg/data/given_names.txt
"""

from __future__ import annotations

import importlib
import pkgutil

import faker.providers.person as person

ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_romanized_names")
COUNTRIES = {"China", "India", "Chad", "Jordan", "Georgia", "Israel", "America", "Kenya"}


def names() -> set[str]:
    found: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute in ATTRIBUTES:
            values = provider.__dict__.get(attribute)
            if values is None or isinstance(values, property):
                continue
            for name in values:
                plain = name.replace("-", "").replace("'", "")
                if name.isascii() and name[:1].isupper() and plain.isalpha() and len(name) > 1:
                    found.add(name)
    return found - COUNTRIES


if __name__ == "__main__":
    print("# Given names (Latin script) from Faker's person providers, MIT licence,")
    print("# https://github.com/joke2k/faker; regenerate with tools/make_given_names.py.")
    for name in sorted(names()):
        print(name)
