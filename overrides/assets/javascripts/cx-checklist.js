// Glue for the checklist pages: restores and saves answers, talks to the engine worker,
// and puts the engine's (already escaped) result on the page. Every rule lives in Python.
(() => {
  "use strict";

  const scriptURL = new URL(document.currentScript.src, location.href);
  const siteRoot = new URL("../../", scriptURL);
  const STORE_PREFIX = `cx-playbook:${siteRoot.pathname}`;
  const SCHEMA = 1;
  const TIMEOUT_MS = 30000;

  // One module worker per page, started once, answering {id, op, args} by id.
  class Engine {
    constructor(form) {
      const query = new URLSearchParams({
        pyodide: form.dataset.cxPyodide,
        wheel: form.dataset.cxWheel,
        engine: form.dataset.cxEngine,
      });
      this.pending = new Map();
      this.next = 1;
      this.broken = null;
      this.worker = new Worker(new URL(`cx-worker.mjs?${query}`, scriptURL), { type: "module" });
      this.worker.onmessage = (event) => this.settle(event.data);
      this.worker.onerror = (event) => this.fail({ kind: "engine", message: event.message || "worker error" });
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

  let engine = null;

  // localStorage, or null where the browser refuses it (private mode, disabled storage).
  function openStorage() {
    try {
      const probe = `${STORE_PREFIX}:probe`;
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch {
      return null;
    }
  }

  // The saved entry for a checklist, or {corrupt: true} when it cannot be read.
  function readSaved(store, key) {
    const raw = store && store.getItem(key);
    if (!raw) return null;
    try {
      const entry = JSON.parse(raw);
      const answers = entry && entry.answers;
      if (entry.schema !== SCHEMA || !answers || typeof answers !== "object" || Array.isArray(answers)) {
        return { corrupt: true };
      }
      return entry;
    } catch {
      return { corrupt: true };
    }
  }

  // Check the saved answers' radios; returns how many saved answers had no matching option.
  function applyAnswers(form, answers) {
    let unmatched = 0;
    for (const [question, value] of Object.entries(answers)) {
      const input = [...form.querySelectorAll(`input[type=radio][name="${CSS.escape(question)}"]`)]
        .find((radio) => radio.value === String(value));
      if (input) input.checked = true;
      else unmatched += 1;
    }
    return unmatched;
  }

  // The answers on the form: question id -> whole number or "unknown".
  function collectAnswers(form) {
    const answers = {};
    for (const input of form.querySelectorAll("input[type=radio]:checked")) {
      answers[input.name] = input.value === "unknown" ? "unknown" : Number(input.value);
    }
    return answers;
  }

  function mount(form) {
    if (form.dataset.cxMounted) return;
    form.dataset.cxMounted = "true";
    const id = form.dataset.cxChecklist;
    const payload = JSON.parse(document.querySelector(`script.cx-definition[data-cx-for="${CSS.escape(id)}"]`).textContent);
    const messages = payload.messages;
    const status = form.querySelector("[data-cx-status]");
    const notice = form.querySelector("[data-cx-notice]");
    const panel = document.querySelector(`[data-cx-result-for="${CSS.escape(id)}"]`);
    const body = panel.querySelector("[data-cx-result]");
    const announce = form.querySelector("[data-cx-announce]");
    const key = `${STORE_PREFIX}:${id}`;
    const notices = new Set();
    const addNotice = (text) => {
      notices.add(text);
      notice.textContent = [...notices].join(" ");
      notice.hidden = false;
    };

    const store = openStorage();
    if (!store) addNotice(messages.storage);
    const saved = readSaved(store, key);
    if (saved && saved.corrupt) addNotice(messages.corrupt);
    else if (saved && applyAnswers(form, saved.answers) > 0) addNotice(messages.rejected);

    const save = () => {
      if (!store) return;
      const entry = {
        schema: SCHEMA,
        checklist: id,
        version: Number(form.dataset.cxVersion),
        answers: collectAnswers(form),
        updated: new Date().toISOString(),
      };
      try {
        store.setItem(key, JSON.stringify(entry));
      } catch {
        addNotice(messages.storage);
      }
    };

    engine = engine || new Engine(form);
    let state = "loading";
    status.textContent = messages.loading;
    form.dataset.cxEngineState = state;
    const setState = (next, text) => {
      state = next;
      form.dataset.cxEngineState = next;
      status.textContent = text;
    };
    const timer = setTimeout(() => {
      if (state === "loading") setState("slow", messages.slow);
    }, TIMEOUT_MS);

    let latest = 0;
    const update = async () => {
      const ticket = ++latest;
      try {
        const reply = await engine.call("score", { checklist_id: id, answers: collectAnswers(form), lang: form.dataset.cxLang });
        if (ticket !== latest) return;
        body.innerHTML = reply.html; // built by the engine, every text escaped there
        announce.textContent = reply.announce;
        panel.dataset.cxState = "scored";
        panel.dataset.cxRenders = String(Number(panel.dataset.cxRenders || 0) + 1);
      } catch (error) {
        console.error("cx: scoring failed", error);
        if (ticket === latest) setState("failed", messages.failed);
      }
    };

    engine.call("define", { definition: payload.definition, links: payload.links }).then(
      () => {
        clearTimeout(timer);
        setState("ready", messages.ready);
        update();
      },
      (error) => {
        clearTimeout(timer);
        console.error("cx: engine failed", error);
        setState("failed", messages.failed);
      },
    );

    form.addEventListener("change", () => {
      save();
      if (state === "ready") update();
    });
  }

  // "Forget everything": removes every key this site stored, after confirmation.
  function mountForget(button) {
    if (button.dataset.cxMounted) return;
    button.dataset.cxMounted = "true";
    const status = document.querySelector("[data-cx-forget-status]");
    button.addEventListener("click", () => {
      if (!window.confirm(button.dataset.cxConfirm)) return;
      const store = openStorage();
      const keys = [];
      for (let i = 0; store && i < store.length; i++) {
        const key = store.key(i);
        if (key.startsWith(`${STORE_PREFIX}:`)) keys.push(key);
      }
      for (const key of keys) store.removeItem(key);
      status.textContent = button.dataset.cxDone.replace("{n}", String(keys.length));
    });
  }

  document$.subscribe(() => {
    for (const form of document.querySelectorAll("form[data-cx-checklist]")) mount(form);
    for (const button of document.querySelectorAll("[data-cx-forget]")) mountForget(button);
  });
})();
