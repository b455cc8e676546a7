// The reference runtime: Pyodide as shipped on npm, the engine wheel through loadPackage, one import.
const params = new URL(import.meta.url).searchParams;
const indexURL = new URL(`../assets/pyodide/${params.get("pyodide")}/`, import.meta.url).href;
const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL });
await pyodide.loadPackage(new URL(`../${params.get("wheel")}`, import.meta.url).href, { messageCallback: () => {} });
pyodide.runPython("import checklists.api");
self.postMessage("ready");
