// The last result, kept so that a returning reader sees it at once, marked as from the last visit, until the
// engine renders anew. It is shown only for the answers it was computed for, by this build of the engine, for this
// version of the checklist and in this language. Storage is shared with the whole origin, so what is kept is data,
// never markup: numbers and ids, each checked for its type and range, filled into a hidden template the build made
// (macros/forms.py) with textContent only. Nothing in it carries a hook of the glue.
// A classic script right after a checklist page's content: it runs while the page is still parsed, before
// Material's bundle and the modules, and offers `window.cxLast` to cx/checklist.mjs.
(() => {
  const config = JSON.parse(document.getElementById("__cx_engine").textContent);
  const root = new URL("../../", document.currentScript.src); // as cx/storage.mjs: the keys of this site
  const keyOf = (id, suffix = "") => `cx-playbook:${root.pathname}:${id}${suffix}`;
  const KINDS = ["improve", "keep", "answer"];
  const waiting = new WeakMap(); // per panel: the build's "answer to see your result" text, put back when needed
  const canonical = (answers) => JSON.stringify(Object.entries(answers || {}).sort(([a], [b]) => (a < b ? -1 : 1)));
  const stamp = (form) => ({ engine: config.build, version: Number(form.dataset.cxVersion), lang: form.dataset.cxLang });
  const read = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch {
      return null; // no storage, or not JSON
    }
  };
  const plain = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const score = (value) => value === null || (Number.isInteger(value) && value >= 0 && value <= 100);

  /** Whether `kept` is a result this page's template can show: every value of the right type and in range. */
  function valid(kept, template) {
    if (!plain(kept)) return false;
    const sections = [...template.querySelectorAll("[data-slot-section]")].map((row) => row.dataset.slotSection);
    const levels = template.querySelectorAll("[data-slot-level]").length;
    const known = (id) => typeof id === "string" && sections.includes(id);
    return (
      score(kept.score) &&
      (kept.level === null || (Number.isInteger(kept.level) && kept.level >= 0 && kept.level < levels)) &&
      Number.isInteger(kept.coverage) && kept.coverage >= 0 && kept.coverage <= 100 &&
      typeof kept.provisional === "boolean" &&
      plain(kept.sections) && Object.keys(kept.sections).every(known) && Object.values(kept.sections).every(score) &&
      Array.isArray(kept.focus) && kept.focus.length <= sections.length &&
      kept.focus.every((item) => Array.isArray(item) && item.length === 2 && known(item[0]) && KINDS.includes(item[1]))
    );
  }

  /** The template filled in: numbers as text, the parts that apply shown, the focus areas in their order. */
  function render(template, kept) {
    const view = document.createDocumentFragment();
    view.append(...[...template.children].map((child) => child.cloneNode(true)));
    const slot = (name) => view.querySelector(`[data-slot="${name}"]`);
    if (kept.score === null) {
      slot("score").parentElement.hidden = true;
      slot("no-score").hidden = false;
    } else slot("score").textContent = String(kept.score);
    if (kept.level !== null) view.querySelector(`[data-slot-level="${kept.level}"]`).hidden = false;
    slot("coverage").textContent = String(kept.coverage);
    slot("provisional").hidden = !kept.provisional;
    for (const row of view.querySelectorAll("[data-slot-section]")) {
      const value = kept.sections[row.dataset.slotSection];
      row.querySelector('[data-slot="value"]').textContent = value === null || value === undefined ? "—" : String(value);
    }
    const list = slot("focus");
    for (const [id] of kept.focus) {
      const item = list.querySelector(`[data-slot-focus="${CSS.escape(id)}"]`);
      item.hidden = false;
      list.append(item); // in the order of the result
    }
    return view;
  }

  /** The line at the top of the page that offers the result: the score and level, as the template words them. */
  function offer(id, view) {
    const line = document.querySelector(`[data-cx-return-for="${CSS.escape(id)}"]`);
    if (!line) return;
    const parts = [view.querySelector('[data-slot="score"]'), view.querySelector("[data-slot-level]:not([hidden]) strong")];
    const text = parts.filter((part) => part && part.textContent && !part.parentElement.hidden).map((p) => p.textContent);
    line.querySelector("[data-cx-return-text]").textContent = text.join(" · ");
    line.hidden = text.length === 0;
  }

  /** Show the kept result on `panel` if it fits `answers`, else the build's waiting text. */
  function show(panel, answers) {
    const id = panel.dataset.cxResultFor;
    const form = document.querySelector(`form[data-cx-checklist="${CSS.escape(id)}"]`);
    const template = panel.querySelector("[data-cx-last-template]");
    const last = read(keyOf(id, ":last"));
    const expected = { ...stamp(form), answers: canonical(answers) };
    const own = !document.documentElement.classList.contains("cx-shared-view");
    const fits =
      own && plain(last) && Object.entries(expected).every(([k, v]) => last[k] === v) && valid(last.kept, template);
    const body = panel.querySelector("[data-cx-result]");
    if (!waiting.has(panel)) waiting.set(panel, [...body.childNodes]);
    if (fits && !panel.dataset.cxFromLastVisit) {
      const view = render(template, last.kept);
      offer(id, view);
      body.replaceChildren(view);
    } else if (!fits && panel.dataset.cxFromLastVisit) body.replaceChildren(...waiting.get(panel));
    if (fits) panel.dataset.cxFromLastVisit = "true";
    else delete panel.dataset.cxFromLastVisit;
    panel.querySelector("[data-cx-last]").hidden = !fits;
  }

  /** Keep the engine's numbers for the reader's own answers (not when storage is full or gone). */
  function keep(form, answers, kept) {
    try {
      const entry = { ...stamp(form), answers: canonical(answers), kept };
      localStorage.setItem(keyOf(form.dataset.cxChecklist, ":last"), JSON.stringify(entry));
    } catch {
      // a kept result is a convenience: without one, the next visit waits for the engine
    }
  }

  window.cxLast = { show, keep };
  for (const panel of document.querySelectorAll("[data-cx-result-for]")) {
    show(panel, (read(keyOf(panel.dataset.cxResultFor)) || {}).answers);
  }
})();
