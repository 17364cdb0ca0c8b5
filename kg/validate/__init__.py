"""SHACL validation of article graphs with pySHACL, shapes parsed once (kg.validate.shacl).

May import: kg.model, kg.errors, kg.rdf.
"""

from kg.validate.shacl import Finding, Report, Validator, shapes_dir

__all__ = ["Finding", "Report", "Validator", "shapes_dir"]
