// Build the page into newsgraph/api/static/ (served by the FastAPI app): bundle the JavaScript
// with esbuild, copy the HTML and CSS, and the Swagger UI files of the OpenAPI page (/docs).
// No CDN: everything the pages need is in that folder.
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "newsgraph", "api", "static");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "iife",
  target: ["es2020"],
  outfile: join(out, "app.js"),
  legalComments: "linked",
  logLevel: "warning",
});
for (const name of ["index.html", "style.css"]) {
  await copyFile(join(here, name), join(out, name));
}
// The OpenAPI page (/docs) with Swagger UI from npm rather than a CDN.
const docs = join(out, "docs");
const swagger = join(here, "node_modules", "swagger-ui-dist");
await mkdir(docs, { recursive: true });
for (const name of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) {
  await copyFile(join(swagger, name), join(docs, name === "LICENSE" ? "swagger-ui.LICENSE.txt" : name));
}
for (const name of ["index.html", "docs.js"]) {
  await copyFile(join(here, "docs", name), join(docs, name));
}
console.log(`web page built into ${out}`);
