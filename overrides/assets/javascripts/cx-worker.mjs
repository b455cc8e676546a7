// The scoring engine's module worker: boots Pyodide once, and answers {id, op, args} messages
// with {id, result} or {id, error}. Boot paths, fastest first:
//   snapshot  a memory snapshot made at build time, kept in Cache Storage after an earlier visit;
//   bytecode  the stdlib and the engine as bytecode compiled at build time, with an inline lock file;
//   wheel     Pyodide's own stdlib and the engine wheel through loadPackage (the fallback).
// Whatever the path, the engine must pass a self-test before it answers anything.
// The first message is the engine config (overrides/main.html): paths relative to the site root.
const siteRoot = new URL("../../", import.meta.url);
const ENGINE_ZIP = "/lib/cx_engine.zip";
const SNAPSHOTS = "cx-snapshot";
let config = null;
let indexURL = null;
let engineZip = null;
const asset = (name) => (config[name] ? new URL(config[name], siteRoot).href : null);

async function checked(pyodide, path) {
  // issue 22: the traced stdlib's fallback (overrides/hooks/cx_fallback.py) loads Pyodide's full stdlib on demand
  if (path !== "wheel") pyodide.pyimport("cx_fallback").install(`${indexURL}python_stdlib.zip`);
  const version = pyodide.runPython("import checklists, checklists.api\nchecklists.__version__");
  if (version !== config.version) throw new Error(`engine ${version} loaded, ${config.version} expected`);
  if (!pyodide.runPython("checklists.api.self_test()")) throw new Error("the engine failed its self-test");
  self.cxBoot = path; // for tests and benchmarks: which path booted
  return pyodide.globals.get("checklists").api.handle;
}

// The options the snapshot was made with (overrides/hooks/bytecode.py), plus the engine zip.
function fastOptions(engine) {
  return {
    indexURL,
    stdLibURL: asset("stdlib"),
    lockFileContents: { info: config.lock, packages: {} },
    packageBaseUrl: indexURL,
    env: { PYTHONPATH: ENGINE_ZIP, LANG: "en_US.UTF-8" },
    fsInit: async (FS) => FS.writeFile(ENGINE_ZIP, engine),
  };
}

async function storedSnapshot() {
  if (!asset("memory") || !self.caches) return null;
  try {
    return (await (await caches.open(SNAPSHOTS)).match(asset("memory"))) || null;
  } catch {
    return null;
  }
}

async function bootSnapshot(loadPyodide, response) {
  const engine = new Uint8Array(await engineZip);
  const snapshot = response.arrayBuffer().then((bytes) => new Uint8Array(bytes)); // read while Pyodide compiles
  const pyodide = await loadPyodide({ ...fastOptions(engine), _loadSnapshot: snapshot, _sysExecutable: "./this.program" });
  pyodide.runPython("import random\nrandom.seed()"); // a restored snapshot would repeat the same "random" values
  return checked(pyodide, "snapshot");
}

async function bootFast(loadPyodide) {
  const engine = new Uint8Array(await engineZip); // fail before Pyodide starts, so the fallback starts clean
  return checked(await loadPyodide(fastOptions(engine)), "bytecode");
}

async function bootPlain(loadPyodide) {
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage(asset("wheel"), { messageCallback: () => {} });
  return checked(pyodide, "wheel");
}

// After a first visit, keep the snapshot for the next one (not on a data-saving connection). It travels
// gzip-compressed and is kept unpacked, so a repeat visit does not spend time decompressing it.
async function keepSnapshot() {
  if (!asset("memory") || !self.caches || (self.navigator.connection && self.navigator.connection.saveData)) return;
  const cache = await caches.open(SNAPSHOTS);
  if (!(await cache.match(asset("memory")))) {
    const response = await fetch(asset("memory"));
    if (!response.ok) return;
    // streamed chunk by chunk, so score requests keep being answered while the snapshot is stored
    const unpacked = response.body.pipeThrough(new DecompressionStream("gzip"));
    await cache.put(asset("memory"), new Response(unpacked, { headers: { "Content-Type": "application/octet-stream" } }));
  }
  for (const request of await cache.keys()) {
    if (request.url !== asset("memory")) await cache.delete(request); // snapshots of older builds
  }
  self.cxSnapshotKept = true;
}

// The page shows how much of the first visit's download has arrived: every fetch of this worker is counted as
// its body streams in, and the total so far is posted (at most every 200 ms) until the engine is ready.
let received = 0;
let counting = true;
let posted = 0;
function report(force = false) {
  const now = performance.now();
  if (!counting || (!force && now - posted < 200)) return;
  posted = now;
  self.postMessage({ progress: { loaded: received, total: config.download || 0 } });
}
const plainFetch = self.fetch.bind(self);
self.fetch = async (...args) => {
  const response = await plainFetch(...args);
  if (!counting || !response.ok || !response.body) return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      report();
      controller.enqueue(chunk);
    },
    flush: () => report(true),
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
};

async function boot(settings) {
  config = settings;
  report(true);
  indexURL = new URL(config.pyodide, siteRoot).href;
  // start the download the fast paths need right away, in parallel with Pyodide's own
  engineZip = asset("bytecode")
    ? fetch(asset("bytecode")).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} ${r.url}`))))
    : Promise.reject(new Error("no bytecode engine"));
  engineZip.catch(() => {}); // reported by the fast paths, if they are tried
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  if (asset("stdlib") && config.lock) {
    const snapshot = await storedSnapshot();
    if (snapshot) {
      try {
        return await bootSnapshot(loadPyodide, snapshot);
      } catch (error) {
        console.warn("cx: snapshot boot failed, using the bytecode boot", error);
        await caches.delete(SNAPSHOTS).catch(() => {});
      }
    }
    try {
      const handle = await bootFast(loadPyodide);
      setTimeout(() => keepSnapshot().catch((error) => console.warn("cx: snapshot not kept", error)), 3000);
      return handle;
    } catch (error) {
      console.warn("cx: bytecode boot failed, falling back to the wheel", error);
    }
  }
  return bootPlain(loadPyodide);
}

let configure;
const ready = new Promise((resolve) => {
  configure = resolve;
}).then(boot);
ready.catch(() => {}); // reported to every request
ready.finally(() => {
  counting = false; // later fetches (the snapshot kept for the next visit) are not the reader's wait
});

self.onmessage = async (event) => {
  if (event.data.config) return configure(event.data.config);
  const { id, op, args } = event.data;
  try {
    const handle = await ready;
    const reply = JSON.parse(handle(JSON.stringify({ op, args })));
    self.postMessage(reply.error ? { id, error: reply.error } : { id, result: reply.result });
  } catch (error) {
    self.postMessage({ id, error: { kind: "engine", message: String((error && error.message) || error) } });
  }
};
