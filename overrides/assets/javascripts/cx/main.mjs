// The playbook's glue, mounted on every page through Material's document$ (see overrides/main.html).
// Every rule (scores, levels, advice, codes, CSV, charts, aggregation) lives in the Python engine.
// A chapter page loads only this module and storage.mjs: the checklist and team glue is imported where used.
import { forgetAll, siteRoot } from "./storage.mjs";

async function mountChecklist(form) {
  const [{ ChecklistPage }, { mountShared, openShared }, { mountTools }] = await Promise.all([
    import("./checklist.mjs"),
    import("./shared.mjs"),
    import("./tools.mjs"),
  ]);
  const page = new ChecklistPage(form);
  mountTools(page);
  mountShared(page);
  page.restored.then(() => openShared(page)).then(() => page.update(), () => {});
}

const mountTeam = async (root) => (await import("./team.mjs")).mountTeam(root);

// "forget everything" on the privacy page
function mountForget(button) {
  const status = document.querySelector("[data-cx-forget-status]");
  button.addEventListener("click", () => {
    if (window.confirm(button.dataset.cxConfirm)) status.textContent = button.dataset.cxDone.replace("{n}", forgetAll());
  });
}

// The offline service worker: registered from the site root on the pages that use the engine; under
// `mkdocs serve` (meta cx-offline "off") any earlier registration is removed so no page is ever stale.
function setupOffline() {
  if (!("serviceWorker" in navigator)) return;
  if (document.querySelector('meta[name="cx-offline"]')?.content !== "on") {
    navigator.serviceWorker.getRegistrations().then((registrations) => {
      for (const registration of registrations) if (registration.scope === siteRoot.href) registration.unregister();
    });
  } else if (document.querySelector("form[data-cx-checklist], [data-cx-teamview]")) {
    navigator.serviceWorker.register(new URL("cx-sw.js", siteRoot), { scope: siteRoot.pathname }).catch((error) => {
      console.warn("cx: offline support unavailable", error);
    });
  }
}

const MOUNTS = [
  ["form[data-cx-checklist]", mountChecklist],
  ["[data-cx-teamview]", mountTeam],
  ["[data-cx-forget]", mountForget],
];

// a plan's field prints what was typed, and an empty one as a line: its value attribute follows the input
document.addEventListener("input", (event) => {
  const field = event.target.closest?.("[data-cx-plan], [data-cx-team-plan]");
  if (field) field.setAttribute("value", field.value);
});

setupOffline();
document$.subscribe(() => {
  for (const [selector, mount] of MOUNTS) {
    for (const element of document.querySelectorAll(`${selector}:not([data-cx-mounted])`)) {
      element.dataset.cxMounted = "true";
      mount(element);
    }
  }
});
