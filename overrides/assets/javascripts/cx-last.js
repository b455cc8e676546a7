// The last result, kept so that a returning reader sees it at once, marked as from the last visit, until
// the engine renders anew. It is shown only for the answers it was computed for, by this build of the engine,
// for this version of the checklist and in this language. Storage is shared with the whole origin, so a kept
// result is put on the page only through the engine's list of its own elements and attributes (its config's
// `markup`, from checklists/report.py).
// A classic script right after a checklist page's content (overrides/main.html): it runs while the page is
// still parsed, before Material's bundle and the modules, and offers `window.cxLast` to cx/checklist.mjs.
(() => {
  const config = JSON.parse(document.getElementById("__cx_engine").textContent);
  const tags = new Set(config.markup.tags);
  const attributes = new Set(config.markup.attributes);
  const allowedName = (name) => attributes.has(name) || config.markup.prefixes.some((prefix) => name.startsWith(prefix));
  const root = new URL("../../", document.currentScript.src); // as cx/storage.mjs: the keys of this site
  const keyOf = (id, suffix = "") => `cx-playbook:${root.pathname}:${id}${suffix}`;
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

  // parsed in a document of its own (no scripting, nothing loads), cleaned there, and only then moved in
  function allowed(html) {
    const parsed = new DOMParser().parseFromString(html, "text/html").body;
    for (const element of [...parsed.querySelectorAll("*")]) {
      if (!tags.has(element.localName)) element.remove();
      else for (const { name, value } of [...element.attributes]) {
        if (!allowedName(name) || (name === "href" && /^\s*[a-z][a-z0-9+.-]*:/i.test(value))) element.removeAttribute(name);
      }
    }
    return [...parsed.childNodes];
  }

  /** Show the kept result on `panel` if it fits `answers`, else the build's waiting text. */
  function show(panel, answers) {
    const id = panel.dataset.cxResultFor;
    const last = read(keyOf(id, ":last"));
    const expected = { ...stamp(document.querySelector(`form[data-cx-checklist="${CSS.escape(id)}"]`)), answers: canonical(answers) };
    const fits = Boolean(last && typeof last.html === "string" && Object.entries(expected).every(([k, v]) => last[k] === v));
    const body = panel.querySelector("[data-cx-result]");
    if (!waiting.has(panel)) waiting.set(panel, [...body.childNodes]);
    if (fits && !panel.dataset.cxFromLastVisit) body.replaceChildren(...allowed(last.html));
    else if (!fits && panel.dataset.cxFromLastVisit) body.replaceChildren(...waiting.get(panel));
    if (fits) panel.dataset.cxFromLastVisit = "true";
    else delete panel.dataset.cxFromLastVisit;
    panel.querySelector("[data-cx-last]").hidden = !fits;
  }

  /** Keep the result the engine just rendered for the reader's own answers (not when storage is full or gone). */
  function keep(form, answers, html) {
    try {
      localStorage.setItem(keyOf(form.dataset.cxChecklist, ":last"), JSON.stringify({ ...stamp(form), answers: canonical(answers), html }));
    } catch {
      // a kept result is a convenience: without one, the next visit waits for the engine
    }
  }

  window.cxLast = { show, keep };
  for (const panel of document.querySelectorAll("[data-cx-result-for]")) {
    show(panel, (read(keyOf(panel.dataset.cxResultFor)) || {}).answers);
  }
})();
