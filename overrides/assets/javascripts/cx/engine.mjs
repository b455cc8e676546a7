// The worker client: the engine's module worker, as the page head started it (overrides/main.html).
// Requests carry an id; the worker replies {id, result} or {id, error}, and reports its download as {progress}.
// Every rule lives in Python; this only moves messages and says how far the engine is.
const SLOW_MS = 10000; // still loading after this long: say so, and that answering goes on
const STALL_MS = 20000; // no byte arrived for this long while the download is unfinished: it has stopped
const PREPARE_MS = 90000; // everything arrived, yet no engine after this long: it does not work here

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
  const listeners = new Set();
  let next = 1;
  let broken = worker ? null : { kind: "engine", message: "no engine worker on this page" };
  const fail = (error) => {
    broken = error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  if (worker) {
    worker.onmessage = ({ data }) => {
      if (data.progress) {
        client.progress = data.progress;
        for (const listener of listeners) listener(data.progress);
        return;
      }
      const call = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) call?.reject(data.error);
      else call?.resolve(data.result);
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
  client = { call, listeners, progress: worker?.cxProgress || null, startedAt: worker ? worker.cxStartAt : 0 };
  return client;
}

// megabytes with one decimal, a decimal comma in Dutch; not `toLocaleString`, whose first call loads the locale's
// number data (in a phone trace, two thirds of the glue's main-thread time while the engine loads)
const megabytes = (bytes, lang) => {
  const text = (bytes / 1e6).toFixed(1);
  return lang === "en" ? text : text.replace(".", ",");
};

/** The loading state the facts give: what arrived, since when, and how long nothing arrived. */
export function loadingState({ loaded, total, since, quiet }) {
  if (total && loaded >= total) return since > PREPARE_MS ? "failed" : "preparing";
  if (loaded && quiet > STALL_MS) return "stalled";
  if (since > SLOW_MS) return loaded ? "slow" : quiet > STALL_MS ? "stalled" : "slow";
  return loaded ? "progress" : "loading";
}

/**
 * Report the engine's state on `element` while `ready` settles: loading (with the bytes that arrived), slow
 * (still arriving: keep answering), preparing, stalled (nothing arrives any more), ready (the status goes away)
 * or failed. `onState(state, text)` hears every change, e.g. to say the same where the result will appear.
 */
export function watch(element, status, messages, ready, onState = () => {}) {
  const lang = element.dataset.cxLang || document.documentElement.lang;
  const own = engine(element);
  const started = performance.now();
  let heard = started;
  let last = null;
  const text = (state) => {
    const { loaded = 0, total = 0 } = own.progress || {};
    const values = { loaded: megabytes(Math.min(loaded, total || loaded), lang), total: megabytes(total, lang) };
    return (messages[state] || "").replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
  };
  const setState = (state) => {
    const said = state === "ready" ? "" : text(state);
    if (state === last && status.textContent === said) return;
    last = state;
    element.dataset.cxEngineState = state;
    status.textContent = said;
    onState(state, said);
  };
  const check = () => {
    const { loaded = 0, total = 0 } = own.progress || {};
    const now = performance.now();
    setState(loadingState({ loaded, total, since: now - started, quiet: now - heard }));
  };
  const heardBytes = () => {
    heard = performance.now();
    check();
  };
  own.listeners.add(heardBytes);
  check();
  const timer = setInterval(check, 1000);
  const stop = () => {
    clearInterval(timer);
    own.listeners.delete(heardBytes);
  };
  return ready.then(
    (value) => {
      stop();
      element.dataset.cxReadyAt = String(Math.round(performance.now())); // for the benchmarks
      setState("ready");
      return value;
    },
    (error) => {
      stop();
      console.error("cx: engine failed", error);
      setState("failed");
      throw error;
    },
  );
}
