// The scoring engine's module worker: boots Pyodide once, installs the engine wheel,
// and answers {id, op, args} messages with {id, result} or {id, error}.
const params = new URL(import.meta.url).searchParams;
const siteRoot = new URL("../../", import.meta.url);
const indexURL = new URL(`assets/pyodide/${params.get("pyodide")}/`, siteRoot).href;
const wheelURL = new URL(params.get("wheel"), siteRoot).href;
const expected = params.get("engine");

// Load Pyodide and the engine once; a wrong or half-installed engine rejects here.
async function boot() {
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage(wheelURL, { messageCallback: () => {} });
  const version = pyodide.runPython("import checklists, checklists.api\nchecklists.__version__");
  if (version !== expected) {
    throw new Error(`engine ${version} loaded, ${expected} expected`);
  }
  return pyodide.globals.get("checklists").api.handle;
}

const ready = boot();

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    const handle = await ready;
    const reply = JSON.parse(handle(JSON.stringify({ op, args })));
    self.postMessage(reply.error ? { id, error: reply.error } : { id, result: reply.result });
  } catch (error) {
    self.postMessage({ id, error: { kind: "engine", message: String(error && error.message || error) } });
  }
};
