// SHACL validation with rdf-validate-shacl (a JavaScript SHACL processor), for kg's
// cross-check of its shapes: given only the shapes files and the data, nothing else.
// Usage: node shacl_validate.mjs SHAPES.ttl[,SHAPES2.ttl…] DATA.ttl [DATA2.ttl …]
// stdout: a JSON array, one {conforms, results: [{severity, focus, path, message}]} per
// data file, in order.
import { readFileSync } from "node:fs";
import { Parser } from "n3";
import SHACLValidator from "rdf-validate-shacl";

function parse(path) {
  return new Parser({ format: "text/turtle" }).parse(readFileSync(path, "utf8"));
}

const [shapeFiles, ...dataFiles] = process.argv.slice(2);
const shapes = shapeFiles.split(",").flatMap(parse);
const validator = new SHACLValidator(shapes);
const out = [];
for (const file of dataFiles) {
  const data = validator.factory.dataset(parse(file));
  const report = await validator.validate(data);
  out.push({
    conforms: report.conforms,
    results: report.results.map((r) => ({
      severity: r.severity ? r.severity.value : null,
      focus: r.focusNode ? r.focusNode.value : null,
      path: r.path ? r.path.value : null,
      message: r.message.map((m) => m.value),
    })),
  });
}
process.stdout.write(JSON.stringify(out));
