// build.mjs builds the web page of dipgraph serve from src/ and the npm
// packages of package-lock.json into ../server/web/app, and copies the
// GraphiQL files from their npm packages into ../server/web/graphiql.
// The output depends only on the sources and the locked packages (esbuild
// writes no dates or paths), so `make check-web` can rebuild it and
// compare with what is committed.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";

const out = "../server/web/app";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: { app: "src/app.js", style: "src/app.css" },
  outdir: out,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
  loader: { ".png": "dataurl", ".svg": "dataurl" },
});
copyFileSync("src/index.html", `${out}/index.html`);

// GraphiQL: the very files gqlgen pins by digest (server/graphiql.go).
const graphiql = "../server/web/graphiql";
for (const [from, to] of [
  ["node_modules/graphiql/graphiql.min.js", "graphiql.min.js"],
  ["node_modules/graphiql/graphiql.min.css", "graphiql.min.css"],
  ["node_modules/graphiql/LICENSE", "LICENSE.graphiql"],
  ["node_modules/react/umd/react.production.min.js", "react.production.min.js"],
  ["node_modules/react-dom/umd/react-dom.production.min.js", "react-dom.production.min.js"],
  ["node_modules/react/LICENSE", "LICENSE.react"],
]) {
  copyFileSync(from, `${graphiql}/${to}`);
}
