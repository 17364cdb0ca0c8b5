// JSON-LD → N-Quads with jsonld.js, the reference JavaScript processor, offline.
// Usage: node to_nquads.mjs CONTEXT.jsonld < documents.json
// stdin: a JSON array of JSON-LD documents; stdout: a JSON array of their N-Quads.
// "https://schema.org" (any spelling of it) is served from CONTEXT.jsonld, read in
// place; any other remote document is refused, so the test never touches the network.
import { readFileSync } from "node:fs";
import jsonld from "jsonld";

const SCHEMA_URLS = new Set([
  "https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/",
  "https://schema.org/docs/jsonldcontext.json", "https://schema.org/docs/jsonldcontext.jsonld",
]);
const context = JSON.parse(readFileSync(process.argv[2], "utf8"));

async function documentLoader(url) {
  if (SCHEMA_URLS.has(url)) {
    return { contextUrl: null, documentUrl: url, document: context };
  }
  throw new Error(`refused to load ${url}: this check runs offline`);
}

// safe mode: anything jsonld.js would drop (an unknown term, a bad IRI) is an error.
const options = { format: "application/n-quads", documentLoader, safe: true };
const documents = JSON.parse(readFileSync(0, "utf8"));
const out = [];
for (const doc of documents) {
  out.push(await jsonld.toRDF(doc, options));
}
process.stdout.write(JSON.stringify(out));
