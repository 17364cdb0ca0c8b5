"""Regenerate kg/rdf/context.jsonld: the official schema.org context, cut to kg's terms.

    python tools/make_context.py ../shared/data/schemaorg/schemaorgcontext.jsonld

kg never fetches https://schema.org at run time; this offline subset resolves it.
tests/test_jsonld.py checks every definition against the official file.
"""

import json
import sys
from pathlib import Path

TERMS = [
    "headline",
    "articleBody",
    "description",
    "articleSection",
    "inLanguage",
    "dateline",
    "url",
    "mainEntityOfPage",
    "datePublished",
    "dateModified",
    "author",
    "publisher",
    "sourceOrganization",
    "locationCreated",
    "contentLocation",
    "image",
    "caption",
    "creditText",
    "contentUrl",
    "logo",
    "commentCount",
    "comment",
    "text",
    "mentions",
    "about",
    "name",
    "alternateName",
    "jobTitle",
    "nationality",
    "affiliation",
    "sameAs",
    "geo",
    "latitude",
    "longitude",
    "containedInPlace",
    "identifier",
    "softwareVersion",
    "startDate",
    "endDate",
    "location",
    "attendee",
    "additionalType",
    "subjectOf",
    "isPartOf",
    "eventStatus",
    "organizer",
    "performer",
    "keywords",
    "thumbnailUrl",
    "width",
    "height",
]
PREFIXES = ["schema", "xsd", "rdf", "rdfs", "owl", "skos", "prov", "dcterms"]


def main(path: str) -> None:
    official = json.loads(Path(path).read_text())["@context"]
    context = {"@vocab": official["@vocab"], "id": "@id", "type": "@type"}
    for prefix in PREFIXES:
        context[prefix] = official[prefix]
    for term in TERMS:
        context[term] = official[term]
    out = Path(__file__).resolve().parent.parent / "kg" / "rdf" / "context.jsonld"
    out.write_text(json.dumps({"@context": context}, indent=2, sort_keys=True) + "\n")
    print(f"wrote {out} ({len(TERMS)} terms)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/schemaorg/schemaorgcontext.jsonld")
