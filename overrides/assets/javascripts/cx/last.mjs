// The last result, kept so that a returning reader sees it at once, marked as from the last visit, until
// the engine renders anew. It is shown only for the answers it was computed for, by this build of the engine,
// for this version of the checklist and in this language. Storage is shared with the whole origin, so a kept
// result is put on the page only through an allowlist of the engine's own elements and attributes.
import { engineConfig } from "./engine.mjs";
import { keyOf, readJSON, write } from "./storage.mjs";

const TAGS = new Set(
  "a button caption circle details div em h3 h4 input label li line ol p polygon rect section small span strong summary svg table tbody td text th thead time title tr tspan ul"
    .split(" "),
);
const ATTRIBUTES = /^(class|role|scope|id|for|type|value|name|hidden|href|title|download|aria-[a-z-]+|data-cx-[a-z-]+|viewbox|xmlns|points|x[12]?|y[12]?|c[xy]|r|width|height|text-anchor|maxlength|autocomplete)$/;

const canonical = (answers) => JSON.stringify(Object.entries(answers || {}).sort(([a], [b]) => (a < b ? -1 : 1)));
const stamp = (page) => ({ engine: engineConfig().build, version: page.version, lang: page.lang });

// parsed in a document of its own (no scripting, nothing loads), cleaned there, and only then moved in
function allowed(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  for (const element of [...parsed.querySelectorAll("*")]) {
    if (!TAGS.has(element.localName)) element.remove();
    else for (const { name, value } of [...element.attributes]) {
      if (!ATTRIBUTES.test(name) || (name === "href" && /^\s*[a-z][a-z0-9+.-]*:/i.test(value))) element.removeAttribute(name);
    }
  }
  return [...parsed.childNodes];
}

/** Keep the result the engine just rendered for the reader's own answers. */
export function keepLast(page, answers, html) {
  write(page.store, keyOf(page.id, ":last"), { ...stamp(page), answers: canonical(answers), html });
}

/** Before the engine is ready: show the kept result if it fits the answers on the form, else the waiting text. */
export function showLast(page) {
  const last = readJSON(page.store, keyOf(page.id, ":last"));
  const expected = { ...stamp(page), answers: canonical(page.collect()) };
  const fits = last && typeof last.html === "string" && Object.entries(expected).every(([k, v]) => last[k] === v);
  const body = page.panel.querySelector("[data-cx-result]");
  if (fits) {
    body.replaceChildren(...allowed(last.html));
    page.panel.dataset.cxFromLastVisit = "true";
  } else if (page.panel.dataset.cxFromLastVisit) {
    body.replaceChildren(...page.waiting);
    delete page.panel.dataset.cxFromLastVisit;
  }
  page.panel.querySelector("[data-cx-last]").hidden = !fits;
}
