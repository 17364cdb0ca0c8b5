"""Namespaces and prefixes. schema.org is http://schema.org/ everywhere (see DESIGN.md)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

# The namespace the official JSON-LD context maps terms to ("@vocab": "http://schema.org/").
# rdflib's SDO is https://schema.org/ and must not be used.
SCHEMA = Namespace("http://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
KG = Namespace("https://w3id.org/kg-news/vocab#")
KGT = Namespace("https://w3id.org/kg-news/event-type/")
DCTERMS = Namespace("http://purl.org/dc/terms/")

KG_SOFTWARE = "https://w3id.org/kg-news/kg"

PREFIXES: dict[str, str] = {
    "schema": str(SCHEMA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "prov": str(PROV),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "geo": str(GEO),
    "dcterms": str(DCTERMS),
    "kg": str(KG),
    "kgt": str(KGT),
}

__all__ = [
    "DCTERMS",
    "GEO",
    "ITSRDF",
    "KG",
    "KGT",
    "KG_SOFTWARE",
    "NIF",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
]
