// Boots Pyodide in Node from a stdlib zip (or its own) and the engine's bytecode zip, runs
// pyodide_check.py inside it and prints its JSON report. Used by tests/site/test_bytecode.py.
// Usage: node pyodide_check.mjs <pyodide dir> <stdlib zip or ""> <engine zip> <modules JSON file> <definition JSON file>
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlib, engine, modules, definition] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const lock = JSON.parse(fs.readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));
const py = await loadPyodide({
  indexURL: `${pyodideDir}/`,
  ...(stdlib ? { stdLibURL: stdlib } : {}),
  lockFileContents: { info: lock.info, packages: {} },
  packageBaseUrl: `${pyodideDir}/`,
  env: { PYTHONPATH: "/lib/cx_engine.zip" },
  fsInit: async (FS) => FS.writeFile("/lib/cx_engine.zip", fs.readFileSync(engine)),
});
py.runPython(fs.readFileSync(new URL("pyodide_check.py", import.meta.url), "utf8"));
const report = py.globals.get("report");
console.log(report(fs.readFileSync(modules, "utf8"), fs.readFileSync(definition, "utf8")));
