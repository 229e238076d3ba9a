// Reference expansion with the official adaptivecards-templating 2.3.1.
// Usage: node expand.js <tools/node_modules> < {"cases":[{"template":{...},"data":{...}}, ...]}
// Prints {"results":[{"ok":true,"card":{...}} | {"ok":false,"error":"..."}]} (one process for many cases).
const path = require("path");
const modules = process.argv[2];
const ACData = require(path.join(modules, "adaptivecards-templating"));
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { cases } = JSON.parse(input);
  const results = cases.map((c) => {
    try {
      const template = new ACData.Template(c.template);
      const card = template.expand({ $root: c.data });
      return { ok: true, card: card === undefined ? null : card };
    } catch (e) {
      return { ok: false, error: String(e && e.message ? e.message : e) };
    }
  });
  process.stdout.write(JSON.stringify({ results }));
});
