// The worker client: the engine's module worker, as the page head started it (overrides/main.html).
// Requests carry an id; the worker replies {id, result} or {id, error}. Every rule lives in Python.
const TIMEOUT_MS = 30000;

/** The engine config the page carries once, read by the head starter and by the glue alike. */
let config = null;
export const engineConfig = () => (config ??= JSON.parse(document.getElementById("__cx_engine").textContent));

/** A file's text for the engine, or null when it is too large to read (the engine refuses it by its size). */
export const fileText = (file) => (file.size > engineConfig().max_bytes ? Promise.resolve(null) : file.text());

let client = null;

/** The page's one engine client: `call(op, args)` is a promise of the worker's result (or its refusal). */
export function engine(element) {
  if (client) return client;
  const worker = window.cxWorker;
  const pending = new Map();
  let next = 1;
  let broken = worker ? null : { kind: "engine", message: "no engine worker on this page" };
  const fail = (error) => {
    broken = error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  if (worker) {
    worker.onmessage = ({ data: { id, result, error } }) => {
      const call = pending.get(id);
      pending.delete(id);
      if (error) call?.reject(error);
      else call?.resolve(result);
    };
    worker.onerror = (event) => fail({ kind: "engine", message: event.message || "worker error" });
    if (worker.cxError) fail({ kind: "engine", message: worker.cxError });
  }
  element.dataset.cxStartAt = String(Math.round(worker ? worker.cxStartAt : performance.now())); // for the benchmarks
  const call = (op, args) =>
    broken
      ? Promise.reject(broken)
      : new Promise((resolve, reject) => {
          const id = next++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, op, args });
        });
  client = { call };
  return client;
}

/** Report the engine's state on `element` while `ready` settles: loading, ready, slow (30 s) or failed. */
export function watch(element, status, messages, ready) {
  const setState = (state) => {
    element.dataset.cxEngineState = state;
    status.textContent = messages[state];
  };
  setState("loading");
  const timer = setTimeout(() => {
    if (element.dataset.cxEngineState === "loading") setState("slow");
  }, TIMEOUT_MS);
  return ready.then(
    (value) => {
      clearTimeout(timer);
      element.dataset.cxReadyAt = String(Math.round(performance.now())); // for the benchmarks
      setState("ready");
      return value;
    },
    (error) => {
      clearTimeout(timer);
      console.error("cx: engine failed", error);
      setState("failed");
      throw error;
    },
  );
}
