// The worker client: the engine's module worker, as the page head started it (overrides/main.html).
// Requests carry an id; the worker replies {id, result} or {id, error}. Every rule lives in Python.
const TIMEOUT_MS = 30000;

/** The engine config the page carries once, read by the head starter and by the glue alike. */
export const engineConfig = () => JSON.parse(document.getElementById("__cx_engine").textContent);

class Engine {
  constructor(worker) {
    this.pending = new Map();
    this.next = 1;
    this.broken = worker ? null : { kind: "engine", message: "no engine worker on this page" };
    if (!worker) return;
    this.worker = worker;
    worker.onmessage = (event) => this.settle(event.data);
    worker.onerror = (event) => this.fail({ kind: "engine", message: event.message || "worker error" });
    if (worker.cxError) this.fail({ kind: "engine", message: worker.cxError });
  }

  settle({ id, result, error }) {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    if (error) call.reject(error);
    else call.resolve(result);
  }

  fail(error) {
    this.broken = error;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }

  call(op, args) {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args });
    });
  }
}

let client = null;

/** The page's one engine client. */
export function engine(element) {
  if (!client) {
    client = new Engine(window.cxWorker);
    const startAt = window.cxWorker ? window.cxWorker.cxStartAt : performance.now();
    element.dataset.cxStartAt = String(Math.round(startAt)); // for the benchmarks
  }
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
