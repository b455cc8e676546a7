// Boots Pyodide in Node as the worker's fast boot does, from a stdlib zip (or its own) and the engine's bytecode
// zip, runs pyodide_check.py inside it and prints its JSON report. Used by tests/site/test_bytecode.py.
// A stand-in for the worker's synchronous XMLHttpRequest serves Pyodide's full stdlib to the fallback finder and
// counts the requests; console.warn is recorded (the fallback says there that it loaded the full stdlib).
// Usage: node pyodide_check.mjs <pyodide dir> <stdlib zip or ""> <engine zip> <options JSON file>
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [pyodideDir, stdlib, engine, options] = process.argv.slice(2);
const hooks = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../overrides/hooks");
const requested = [];
const warned = [];
globalThis.XMLHttpRequest = class {
  open(method, url, async) {
    Object.assign(this, { method, url, async });
  }

  send() {
    requested.push(this.url);
    const data = fs.readFileSync(path.join(pyodideDir, "python_stdlib.zip"));
    this.status = this.url.endsWith("/python_stdlib.zip") && this.async === false ? 200 : 404;
    this.response = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  }
};
const warn = console.warn;
console.warn = (...args) => {
  warned.push(args.join(" "));
  warn(...args);
};
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const lock = JSON.parse(fs.readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));
const py = await loadPyodide({
  indexURL: `${pyodideDir}/`,
  ...(stdlib ? { stdLibURL: stdlib } : {}),
  lockFileContents: { info: lock.info, packages: {} },
  packageBaseUrl: `${pyodideDir}/`,
  env: { PYTHONPATH: "/lib/cx_engine.zip:/lib/cx_trace", LANG: "en_US.UTF-8" },
  fsInit: async (FS) => {
    FS.writeFile("/lib/cx_engine.zip", fs.readFileSync(engine));
    FS.mkdirTree("/lib/cx_trace");
    FS.writeFile("/lib/cx_trace/cx_engine_trace.py", fs.readFileSync(path.join(hooks, "cx_engine_trace.py")));
  },
});
py.runPython(fs.readFileSync(new URL("pyodide_check.py", import.meta.url), "utf8"));
const report = JSON.parse(py.globals.get("report")(fs.readFileSync(options, "utf8")));
console.log(JSON.stringify({ ...report, requested, warned }));
