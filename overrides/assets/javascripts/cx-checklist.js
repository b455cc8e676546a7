// Glue for the checklist and team pages: storage, files, links and the engine worker.
// Every rule (scores, levels, advice, codes, CSV, charts, aggregation) lives in Python;
// this file only moves data between the page, localStorage, files and the worker.
(() => {
  "use strict";

  const scriptURL = new URL(document.currentScript.src, location.href);
  const siteRoot = new URL("../../", scriptURL);
  const STORE_PREFIX = `cx-playbook:${siteRoot.pathname}`;
  const SCHEMA = 1;
  const TIMEOUT_MS = 30000;
  const MAX_SNAPSHOTS = 40;

  // One module worker per page, started at page load, answering {id, op, args} by id.
  class Engine {
    constructor(element) {
      this.pending = new Map();
      this.next = 1;
      this.broken = null;
      // adopt the worker the page's head started early; else start one now
      this.worker = window.cxWorker || new Worker(Engine.url(element), { type: "module" });
      this.worker.onmessage = (event) => this.settle(event.data);
      this.worker.onerror = (event) => this.fail({ kind: "engine", message: event.message || "worker error" });
      if (this.worker.cxError) this.fail({ kind: "engine", message: this.worker.cxError });
    }

    static url(element) {
      const query = new URLSearchParams();
      for (const key of ["pyodide", "wheel", "engine", "stdlib", "bytecode", "lock", "memory"]) {
        const value = element.dataset[`cx${key[0].toUpperCase()}${key.slice(1)}`];
        if (value) query.set(key, value);
      }
      return new URL(`cx-worker.mjs?${query}`, scriptURL);
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
  const getEngine = (element) => {
    if (!engine) {
      const startAt = window.cxWorker ? window.cxWorker.cxStartAt : performance.now();
      engine = new Engine(element);
      element.dataset.cxStartAt = String(Math.round(startAt)); // for the benchmarks
    }
    return engine;
  };

  // Report the engine's state on an element: loading, ready, slow (30 s) or failed.
  function watchEngine(element, status, messages, ready) {
    const setState = (state, text) => {
      element.dataset.cxEngineState = state;
      status.textContent = text;
    };
    setState("loading", messages.loading);
    const timer = setTimeout(() => {
      if (element.dataset.cxEngineState === "loading") setState("slow", messages.slow);
    }, TIMEOUT_MS);
    return ready.then(
      (value) => {
        clearTimeout(timer);
        element.dataset.cxReadyAt = String(Math.round(performance.now())); // for the benchmarks
        setState("ready", messages.ready);
        return value;
      },
      (error) => {
        clearTimeout(timer);
        console.error("cx: engine failed", error);
        setState("failed", messages.failed);
        throw error;
      },
    );
  }

  // localStorage, or null where the browser refuses it (private mode, disabled storage).
  function openStorage() {
    try {
      const store = window.localStorage;
      const probe = `${STORE_PREFIX}:probe`;
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch {
      return null;
    }
  }

  // The saved entry of a checklist, or {corrupt: true} when it cannot be read.
  function readSaved(store, key) {
    let raw = null;
    try {
      raw = store && store.getItem(key);
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const entry = JSON.parse(raw);
      const answers = entry && entry.answers;
      if (entry.schema !== SCHEMA || !answers || typeof answers !== "object" || Array.isArray(answers)) {
        return { corrupt: true };
      }
      if (!Array.isArray(entry.snapshots)) entry.snapshots = [];
      entry.snapshots = entry.snapshots.filter((s) => s && typeof s.answers === "object" && typeof s.date === "string");
      return entry;
    } catch {
      return { corrupt: true };
    }
  }

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = Object.assign(document.createElement("a"), { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const today = () => new Date().toISOString().slice(0, 10);
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

  // ---- one checklist page -------------------------------------------------------------------

  function mountChecklist(form) {
    if (form.dataset.cxMounted) return;
    form.dataset.cxMounted = "true";
    const id = form.dataset.cxChecklist;
    const lang = form.dataset.cxLang;
    const payload = JSON.parse(document.querySelector(`script.cx-definition[data-cx-for="${CSS.escape(id)}"]`).textContent);
    const messages = payload.messages;
    const $ = (selector, root = form) => root.querySelector(selector);
    const panel = document.querySelector(`[data-cx-result-for="${CSS.escape(id)}"]`);
    const tools = document.querySelector(`[data-cx-actions-for="${CSS.escape(id)}"]`);
    const answersSet = $("[data-cx-answers]");
    const role = $("[data-cx-role]");
    const team = $("[data-cx-team]");
    const key = `${STORE_PREFIX}:${id}`;
    const notices = new Set();
    const notice = $("[data-cx-notice]");
    const actionStatus = $("[data-cx-action-status]", tools);
    const addNotice = (text) => {
      notices.add(text);
      notice.textContent = [...notices].join(" ");
      notice.hidden = false;
    };
    const say = (text) => {
      actionStatus.textContent = text;
    };

    const radios = () => [...form.querySelectorAll("input[type=radio]")];
    const collect = () => {
      const answers = {};
      for (const input of radios()) {
        if (input.checked) answers[input.name] = input.value === "unknown" ? "unknown" : Number(input.value);
      }
      return answers;
    };
    // Tick the given answers (clearing the rest); returns how many had no matching option.
    const apply = (answers) => {
      let unmatched = 0;
      for (const input of radios()) input.checked = false;
      for (const [question, value] of Object.entries(answers || {})) {
        const input = radios().find((radio) => radio.name === question && radio.value === String(value));
        if (input) input.checked = true;
        else unmatched += 1;
      }
      return unmatched;
    };

    // Saved state: answers, role, team label, snapshots.
    const store = openStorage();
    if (!store) addNotice(messages.storage);
    let saved = readSaved(store, key);
    if (saved && saved.corrupt) {
      addNotice(messages.corrupt);
      saved = null;
    }
    let state = saved || { answers: {}, snapshots: [], updated: null };
    if (apply(state.answers) > 0) addNotice(messages.rejected);
    const roleIds = [...role.options].map((option) => option.value).filter(Boolean);
    role.value = roleIds.includes(state.role) ? state.role : "";
    team.value = typeof state.team === "string" ? state.team.slice(0, 80) : "";

    const save = () => {
      state = {
        schema: SCHEMA,
        checklist: id,
        version: Number(form.dataset.cxVersion),
        answers: collect(),
        role: role.value || null,
        team: team.value.trim() || null,
        updated: new Date().toISOString(),
        snapshots: state.snapshots || [],
      };
      if (!store) return;
      try {
        store.setItem(key, JSON.stringify(state));
      } catch {
        addNotice(messages.storage_full);
      }
    };

    // Shared view: answers from a #cx= link, read-only until adopted.
    let shared = null;
    const sharedBox = $("[data-cx-shared]");
    const currentAnswers = () => (shared ? shared : collect());
    const meta = () => ({
      date: (state.updated || new Date().toISOString()).slice(0, 10),
      role: shared ? null : role.value || null,
      team: shared ? null : team.value.trim() || null,
    });

    let latest = 0;
    const update = async () => {
      if (form.dataset.cxEngineState !== "ready") return;
      const ticket = ++latest;
      const snapshots = state.snapshots || [];
      const previous = !shared && snapshots.length ? snapshots[snapshots.length - 1] : null;
      try {
        const reply = await engine.call("score", { checklist_id: id, answers: currentAnswers(), lang, meta: meta(), previous });
        if (ticket !== latest) return;
        $("[data-cx-result]", panel).innerHTML = reply.html; // built by the engine, every text escaped there
        $("[data-cx-announce]").textContent = reply.announce;
        panel.dataset.cxRenders = String(Number(panel.dataset.cxRenders || 0) + 1);
        panel.dataset.cxOverallScore = reply.overall ?? "";
      } catch (error) {
        console.error("cx: scoring failed", error);
      }
    };

    const enterShared = (answers) => {
      shared = answers;
      apply(answers);
      answersSet.disabled = true;
      sharedBox.hidden = false;
      form.dataset.cxShared = "true";
      update();
    };
    const leaveShared = () => {
      shared = null;
      apply(state.answers);
      answersSet.disabled = false;
      sharedBox.hidden = true;
      delete form.dataset.cxShared;
      history.replaceState(null, "", location.pathname + location.search);
      update();
    };
    const hasAnswers = () => Object.keys(state.answers || {}).length > 0;

    $("[data-cx-adopt]").addEventListener("click", () => {
      if (hasAnswers() && !window.confirm(messages.confirm_adopt)) return;
      const answers = shared;
      leaveShared();
      apply(answers);
      save();
      say(messages.adopted);
      update();
    });
    $("[data-cx-leave]").addEventListener("click", leaveShared);

    const openShared = async () => {
      const code = location.hash.startsWith("#cx=") ? location.hash.slice(4) : null;
      if (!code) return;
      try {
        const found = await engine.call("share_decode", { code, lang });
        if (found.checklist !== id) addNotice(messages.shared_other);
        else enterShared(found.answers);
      } catch (error) {
        addNotice(fill(messages.shared_failed, { reason: error.message || "" }));
      }
    };

    // Engine: define once, then score on every change.
    const engineReady = watchEngine(
      form,
      $("[data-cx-status]"),
      messages,
      getEngine(form).call("define", { definition: payload.definition, links: payload.links }),
    );
    engineReady.then(() => openShared().then(update), () => {});

    form.addEventListener("change", () => {
      if (shared) return;
      save();
      update();
    });
    team.addEventListener("input", () => {
      save();
    });

    // Tools: export, import, share, print, snapshots, reset.
    const needEngine = () => form.dataset.cxEngineState === "ready";
    for (const button of tools.querySelectorAll("[data-cx-export]")) {
      button.addEventListener("click", async () => {
        if (!needEngine()) return say(messages.loading);
        const made = await engine.call("export", {
          checklist_id: id, answers: currentAnswers(), lang, role: meta().role, team: meta().team,
          date: new Date().toISOString(),
        });
        if (button.dataset.cxExport === "csv") download(`${made.stem}.csv`, made.csv, "text/csv;charset=utf-8");
        else download(`${made.stem}.json`, made.json, "application/json");
      });
    }

    const importInput = $("[data-cx-import]", tools);
    importInput.addEventListener("change", async () => {
      const file = importInput.files[0];
      importInput.value = "";
      if (!file) return;
      const refuse = (reason) => say(fill(messages.import_failed, { name: file.name, reason }));
      if (file.size > Number(form.dataset.cxMaxBytes)) return refuse(messages.too_large);
      if (!needEngine()) return say(messages.loading);
      try {
        const found = await engine.call("import", { checklist_id: id, text: await file.text(), lang });
        if (hasAnswers() && !window.confirm(messages.confirm_import)) return say(messages.import_cancelled);
        if (shared) leaveShared();
        apply(found.answers);
        if (found.role) role.value = found.role;
        if (found.team) team.value = found.team;
        save();
        say([fill(messages.imported, { name: file.name }), found.notice].filter(Boolean).join(" "));
        update();
      } catch (error) {
        refuse(error.message || String(error));
      }
    });

    const shareBox = $("[data-cx-share-box]", tools);
    $("[data-cx-share]", tools).addEventListener("click", async () => {
      if (!needEngine()) return say(messages.loading);
      const { code } = await engine.call("share_encode", { checklist_id: id, answers: currentAnswers() });
      const url = `${location.origin}${location.pathname}#cx=${code}`;
      const field = $("[data-cx-share-url]", tools);
      field.value = url;
      shareBox.hidden = false;
      field.select();
      try {
        await navigator.clipboard.writeText(url);
        say(messages.share_ready);
      } catch {
        say(messages.share_made);
      }
    });

    $("[data-cx-print]", tools).addEventListener("click", () => window.print());

    const list = $("[data-cx-snapshots]", tools);
    const none = $("[data-cx-no-snapshots]", tools);
    const renderSnapshots = () => {
      list.replaceChildren();
      const snapshots = state.snapshots || [];
      none.hidden = snapshots.length > 0;
      snapshots.forEach((snapshot, index) => {
        const item = document.createElement("li");
        item.dataset.cxSnapshotItem = String(index);
        const text = document.createElement("span");
        text.textContent = fill(messages.snapshot_item, { date: snapshot.date, score: snapshot.score ?? "—" });
        const remove = Object.assign(document.createElement("button"), { type: "button", className: "md-button cx-small" });
        remove.textContent = messages.snapshot_delete;
        remove.setAttribute("aria-label", `${messages.snapshot_delete} ${snapshot.date}`);
        remove.addEventListener("click", () => {
          state.snapshots.splice(index, 1);
          save();
          renderSnapshots();
          update();
        });
        item.append(text, " ", remove);
        list.append(item);
      });
    };
    renderSnapshots();

    $("[data-cx-snapshot]", tools).addEventListener("click", () => {
      if (shared) return;
      state.snapshots = [
        ...(state.snapshots || []),
        { date: today(), version: Number(form.dataset.cxVersion), answers: collect(), score: panel.dataset.cxOverallScore || null },
      ].slice(-MAX_SNAPSHOTS);
      save();
      renderSnapshots();
      say(messages.snapshot_saved);
      update();
    });

    $("[data-cx-reset]", tools).addEventListener("click", () => {
      if (!window.confirm(messages.confirm_reset)) return;
      if (shared) leaveShared();
      apply({});
      save();
      say(messages.reset_done);
      update();
    });
  }

  // ---- the team view ------------------------------------------------------------------------

  function mountTeam(root) {
    if (root.dataset.cxMounted) return;
    root.dataset.cxMounted = "true";
    const lang = root.dataset.cxLang;
    const payload = JSON.parse(document.querySelector('script.cx-team-definitions[data-cx-for="team"]').textContent);
    const messages = payload.messages;
    const $ = (selector) => root.querySelector(selector);
    const items = [];
    const early = [];

    const ready = watchEngine(
      root,
      $("[data-cx-status]"),
      messages,
      Promise.all(
        payload.definitions.map((definition) =>
          getEngine(root).call("define", { definition, links: payload.links[definition.id] || {} }),
        ),
      ),
    );

    let latest = 0;
    const refresh = async () => {
      if (root.dataset.cxEngineState !== "ready") return;
      const ticket = ++latest;
      const reply = await engine.call("team", { files: items, lang, date: new Date().toISOString() });
      if (ticket !== latest) return;
      const refused = [...early, ...reply.refused];
      $("[data-cx-team-result]").innerHTML = reply.html; // built by the engine, every text escaped there
      $("[data-cx-team-summary]").textContent = fill(messages.team_summary, {
        accepted: reply.accepted,
        refused: refused.length,
      });
      const lines = (selector, entries) =>
        $(selector).replaceChildren(
          ...entries.map((entry) => {
            const item = document.createElement("li");
            item.textContent = fill(messages.team_refused, { name: entry.name, reason: entry.message });
            return item;
          }),
        );
      lines("[data-cx-team-refused]", refused);
      lines("[data-cx-team-notes]", reply.notes);
      const downloads = $("[data-cx-team-downloads]");
      downloads.replaceChildren();
      for (const [name, files] of Object.entries(reply.downloads)) {
        for (const [kind, type] of [["json", "application/json"], ["csv", "text/csv;charset=utf-8"]]) {
          const button = Object.assign(document.createElement("button"), { type: "button", className: "md-button" });
          button.dataset.cxTeamDownload = `${name}:${kind}`;
          button.textContent = fill(messages[`team_download_${kind}`], { name });
          button.addEventListener("click", () => download(`${files.stem}.${kind}`, files[kind], type));
          downloads.append(button, " ");
        }
      }
      root.dataset.cxTeamRenders = String(Number(root.dataset.cxTeamRenders || 0) + 1);
      root.dataset.cxTeamRenderAt = String(performance.now()); // for the benchmarks
    };
    ready.then(refresh, () => {});

    const addFiles = async (files) => {
      for (const file of files) {
        if (file.size > Number(root.dataset.cxMaxBytes)) early.push({ name: file.name, message: messages.too_large });
        else items.push({ name: file.name, text: await file.text() });
      }
      refresh();
    };
    const input = $("[data-cx-team-files]");
    input.addEventListener("change", async () => {
      await addFiles([...input.files]);
      input.value = "";
    });
    const drop = $("[data-cx-drop]");
    drop.addEventListener("dragover", (event) => {
      event.preventDefault();
      drop.classList.add("cx-drop--over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("cx-drop--over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("cx-drop--over");
      addFiles([...event.dataTransfer.files]);
    });
    $("[data-cx-team-add]").addEventListener("click", () => {
      const area = $("[data-cx-team-links]");
      for (const line of area.value.split(/\s+/).filter(Boolean)) items.push({ name: line.slice(0, 60), text: line });
      area.value = "";
      refresh();
    });
    $("[data-cx-team-clear]").addEventListener("click", () => {
      items.length = 0;
      early.length = 0;
      refresh();
    });
  }

  // ---- "forget everything" on the privacy page ---------------------------------------------

  function mountForget(button) {
    if (button.dataset.cxMounted) return;
    button.dataset.cxMounted = "true";
    const status = document.querySelector("[data-cx-forget-status]");
    button.addEventListener("click", () => {
      if (!window.confirm(button.dataset.cxConfirm)) return;
      // ours, and Material's own preferences (stored under the site's path followed by ".")
      const ours = (key) => key.startsWith(`${STORE_PREFIX}:`) || key.startsWith(`${siteRoot.pathname}.`);
      let removed = 0;
      for (const store of [openStorage(), window.sessionStorage]) {
        const keys = [];
        for (let i = 0; store && i < store.length; i++) if (ours(store.key(i))) keys.push(store.key(i));
        for (const key of keys) store.removeItem(key);
        removed += keys.length;
      }
      status.textContent = button.dataset.cxDone.replace("{n}", String(removed));
    });
  }

  // The offline service worker: registered on the pages that use the engine, from the site root;
  // in development (`mkdocs serve`) any earlier registration is removed so no page is ever stale.
  function setupOffline() {
    if (!("serviceWorker" in navigator)) return;
    const mode = document.querySelector('meta[name="cx-offline"]');
    if (mode && mode.content === "on") {
      if (document.querySelector("form[data-cx-checklist], [data-cx-teamview]")) {
        navigator.serviceWorker.register(new URL("cx-sw.js", siteRoot), { scope: siteRoot.pathname }).catch((error) => {
          console.warn("cx: offline support unavailable", error);
        });
      }
    } else {
      navigator.serviceWorker.getRegistrations().then((registrations) => {
        for (const registration of registrations) {
          if (registration.scope === siteRoot.href) registration.unregister();
        }
      });
    }
  }

  setupOffline();

  document$.subscribe(() => {
    for (const form of document.querySelectorAll("form[data-cx-checklist]")) mountChecklist(form);
    for (const root of document.querySelectorAll("[data-cx-teamview]")) mountTeam(root);
    for (const button of document.querySelectorAll("[data-cx-forget]")) mountForget(button);
  });
})();
