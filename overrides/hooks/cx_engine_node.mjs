// Run by overrides/hooks/cx_engine.py at build time, in Node: boots the npm Pyodide, runs
// cx_engine_compile.py inside it (the engine as bytecode and a trimmed stdlib), then boots Pyodide
// again from those two zips with the engine imported and writes a memory snapshot of it.
// Usage: node cx_engine_node.mjs <pyodide dir> <engine dir> <out dir>
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

const [pyodideDir, engineDir, out] = process.argv.slice(2).map((dir) => path.resolve(dir));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const indexURL = `${pyodideDir}/`;

const py = await loadPyodide({ indexURL });
py.FS.writeFile("/tmp/src.zip", fs.readFileSync(path.join(pyodideDir, "python_stdlib.zip")));
py.FS.mkdirTree("/engine/checklists");
for (const name of fs.readdirSync(path.join(engineDir, "checklists"))) {
  if (name.endsWith(".py")) {
    py.FS.writeFile(`/engine/checklists/${name}`, fs.readFileSync(path.join(engineDir, "checklists", name)));
  }
}
py.runPython(fs.readFileSync(new URL("cx_engine_compile.py", import.meta.url), "utf8"));
const manifest = py.globals.get("main")("/tmp/src.zip", "/engine", "/out");
fs.writeFileSync(path.join(out, "stdlib.zip"), py.FS.readFile("/out/stdlib.zip"));
fs.writeFileSync(path.join(out, "engine.zip"), py.FS.readFile("/out/engine.zip"));
fs.writeFileSync(path.join(out, "manifest.json"), manifest);

// The snapshot is made with the same options the worker's fast boot uses (cx-worker.mjs, fastOptions).
const lock = JSON.parse(fs.readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));
const engine = fs.readFileSync(path.join(out, "engine.zip"));
const maker = await loadPyodide({
  indexURL,
  stdLibURL: path.join(out, "stdlib.zip"),
  lockFileContents: { info: lock.info, packages: {} },
  packageBaseUrl: indexURL,
  env: { PYTHONPATH: "/lib/cx_engine.zip", LANG: "en_US.UTF-8" },
  fsInit: async (FS) => FS.writeFile("/lib/cx_engine.zip", new Uint8Array(engine)),
  _makeSnapshot: true,
  _sysExecutable: "./this.program",
});
maker.runPython("import checklists.api");
fs.writeFileSync(path.join(out, "snapshot.bin.gz"), zlib.gzipSync(maker.makeMemorySnapshot(), { level: 9 }));
