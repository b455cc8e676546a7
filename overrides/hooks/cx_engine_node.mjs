// Run by overrides/hooks/cx_engine.py at build time, in Node, in three Pyodide sessions:
//   trace    boots Pyodide as the worker's fast boot does (with its full source stdlib), imports the engine,
//            runs every engine operation (cx_engine_trace.py) and records every stdlib module imported;
//   compile  writes the stdlib of exactly those modules as bytecode, plus the fallback finder, and the
//            engine as bytecode (cx_engine_compile.py);
//   snapshot boots from those two zips with the engine imported and writes a memory snapshot of it.
// Usage: node cx_engine_node.mjs <pyodide dir> <engine dir> <out dir>
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

const [pyodideDir, engineDir, out] = process.argv.slice(2).map((dir) => path.resolve(dir));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const indexURL = `${pyodideDir}/`;
const lock = JSON.parse(fs.readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));
const program = (name) => fs.readFileSync(new URL(name, import.meta.url));
const ENGINE_ZIP = "/lib/cx_engine.zip";
const FROM_STDLIB = `
import sys
sorted(n for n, m in sys.modules.items() if (getattr(m, "__file__", None) or "").startswith("/lib/python314.zip/"))
`;

// The options of the worker's fast boot (cx-worker.mjs, fastOptions); the snapshot is made with the same.
const fastOptions = (stdLibURL, fsInit) => ({
  indexURL,
  stdLibURL,
  lockFileContents: { info: lock.info, packages: {} },
  packageBaseUrl: indexURL,
  env: { PYTHONPATH: ENGINE_ZIP, LANG: "en_US.UTF-8" },
  fsInit,
});

// 1. trace: the engine's sources on the path where its bytecode will be, Pyodide's full stdlib as sources
const sources = (FS) => {
  FS.mkdirTree(`${ENGINE_ZIP}/checklists`);
  for (const name of fs.readdirSync(path.join(engineDir, "checklists"))) {
    FS.writeFile(`${ENGINE_ZIP}/checklists/${name}`, fs.readFileSync(path.join(engineDir, "checklists", name)));
  }
  FS.writeFile(`${ENGINE_ZIP}/cx_engine_trace.py`, program("cx_engine_trace.py"));
  FS.writeFile(`${ENGINE_ZIP}/cx_fallback.py`, program("cx_fallback.py"));
};
const tracer = await loadPyodide(fastOptions(path.join(pyodideDir, "python_stdlib.zip"), sources));
const boot = tracer.runPython(FROM_STDLIB).toJs();
// what the worker does: install the fallback, import and self-test the engine, answer every kind of request
tracer.pyimport("cx_fallback").install("unused:");
tracer.runPython("import checklists, checklists.api\nassert checklists.api.self_test()");
const requests = tracer.pyimport("cx_engine_trace").exercise();
try {
  tracer.runPython("raise ValueError('an error that reaches JavaScript is formatted there')");
} catch {
  // expected: Pyodide formats the traceback for the JavaScript error
}
const traced = JSON.stringify({ boot, requests, traced: tracer.runPython(FROM_STDLIB).toJs() });

// 2. compile, in a session of its own (the trace's session has imported what it imported)
const py = await loadPyodide({ indexURL, env: { PYTHONNODEBUGRANGES: "1" } });
py.FS.writeFile("/tmp/src.zip", fs.readFileSync(path.join(pyodideDir, "python_stdlib.zip")));
py.FS.writeFile("/tmp/cx_fallback.py", program("cx_fallback.py"));
py.FS.mkdirTree("/engine/checklists");
for (const name of fs.readdirSync(path.join(engineDir, "checklists"))) {
  if (name.endsWith(".py")) {
    py.FS.writeFile(`/engine/checklists/${name}`, fs.readFileSync(path.join(engineDir, "checklists", name)));
  }
}
py.runPython(program("cx_engine_compile.py").toString("utf8"));
const manifest = py.globals.get("main")("/tmp/src.zip", "/engine", "/tmp/cx_fallback.py", traced, "/out");
fs.writeFileSync(path.join(out, "stdlib.zip"), py.FS.readFile("/out/stdlib.zip"));
fs.writeFileSync(path.join(out, "engine.zip"), py.FS.readFile("/out/engine.zip"));
fs.writeFileSync(path.join(out, "manifest.json"), manifest);

// 3. the snapshot, from the traced stdlib: a module the trace missed fails the build here
const engine = fs.readFileSync(path.join(out, "engine.zip"));
const maker = await loadPyodide({
  ...fastOptions(path.join(out, "stdlib.zip"), async (FS) => FS.writeFile(ENGINE_ZIP, new Uint8Array(engine))),
  _makeSnapshot: true,
  _sysExecutable: "./this.program",
});
maker.runPython("import checklists.api");
fs.writeFileSync(path.join(out, "snapshot.bin.gz"), zlib.gzipSync(maker.makeMemorySnapshot(), { level: 9 }));
