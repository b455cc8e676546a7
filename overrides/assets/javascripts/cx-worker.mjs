// The scoring engine's module worker: boots Pyodide once, and answers {id, op, args} messages
// with {id, result} or {id, error}. Fast path: the stdlib and the engine as bytecode compiled at build
// time (no compiling in the browser, no lock-file request); fallback: Pyodide's own stdlib plus the
// engine wheel through loadPackage. Either way the engine's version is checked before any answer.
const params = new URL(import.meta.url).searchParams;
const siteRoot = new URL("../../", import.meta.url);
const indexURL = new URL(`assets/pyodide/${params.get("pyodide")}/`, siteRoot).href;
const expected = params.get("engine");
const asset = (name) => (params.get(name) ? new URL(params.get(name), siteRoot).href : null);
const ENGINE_ZIP = "/lib/cx_engine.zip";

// Start the downloads the fast path needs right away, in parallel with Pyodide's own.
const engineZip = asset("bytecode")
  ? fetch(asset("bytecode")).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} ${r.url}`))))
  : Promise.reject(new Error("no bytecode engine"));
engineZip.catch(() => {}); // reported by the fast path, if it is tried

async function checked(pyodide, path) {
  const version = pyodide.runPython("import checklists, checklists.api\nchecklists.__version__");
  if (version !== expected) throw new Error(`engine ${version} loaded, ${expected} expected`);
  self.cxBoot = path; // for tests and benchmarks: which path booted
  return pyodide.globals.get("checklists").api.handle;
}

async function bootFast(loadPyodide) {
  const engine = new Uint8Array(await engineZip); // fail before Pyodide starts, so the fallback starts clean
  const pyodide = await loadPyodide({
    indexURL,
    stdLibURL: asset("stdlib"),
    lockFileContents: { info: JSON.parse(params.get("lock")), packages: {} },
    packageBaseUrl: indexURL,
    env: { PYTHONPATH: ENGINE_ZIP },
    fsInit: async (FS) => FS.writeFile(ENGINE_ZIP, engine),
  });
  return checked(pyodide, "bytecode");
}

async function bootPlain(loadPyodide) {
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage(asset("wheel"), { messageCallback: () => {} });
  return checked(pyodide, "wheel");
}

async function boot() {
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  if (asset("stdlib") && params.get("lock")) {
    try {
      return await bootFast(loadPyodide);
    } catch (error) {
      console.warn("cx: bytecode boot failed, falling back to the wheel", error);
    }
  }
  return bootPlain(loadPyodide);
}

const ready = boot();

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    const handle = await ready;
    const reply = JSON.parse(handle(JSON.stringify({ op, args })));
    self.postMessage(reply.error ? { id, error: reply.error } : { id, result: reply.result });
  } catch (error) {
    self.postMessage({ id, error: { kind: "engine", message: String((error && error.message) || error) } });
  }
};
