// The playbook's glue, mounted on every page through Material's document$ (see overrides/main.html).
// Every rule (scores, levels, advice, codes, CSV, charts, aggregation) lives in the Python engine.
import { ChecklistPage } from "./checklist.mjs";
import { forgetAll, siteRoot } from "./storage.mjs";
import { mountTeam } from "./team.mjs";
import { mountTools } from "./tools.mjs";

// "forget everything" on the privacy page
function mountForget(button) {
  const status = document.querySelector("[data-cx-forget-status]");
  button.addEventListener("click", () => {
    if (!window.confirm(button.dataset.cxConfirm)) return;
    status.textContent = button.dataset.cxDone.replace("{n}", String(forgetAll()));
  });
}

// The offline service worker: registered from the site root on the pages that use the engine; under
// `mkdocs serve` (meta cx-offline "off") any earlier registration is removed so no page is ever stale.
function setupOffline() {
  if (!("serviceWorker" in navigator)) return;
  const mode = document.querySelector('meta[name="cx-offline"]');
  if (mode && mode.content === "on") {
    if (!document.querySelector("form[data-cx-checklist], [data-cx-teamview]")) return;
    navigator.serviceWorker.register(new URL("cx-sw.js", siteRoot), { scope: siteRoot.pathname }).catch((error) => {
      console.warn("cx: offline support unavailable", error);
    });
  } else {
    navigator.serviceWorker.getRegistrations().then((registrations) => {
      for (const registration of registrations) if (registration.scope === siteRoot.href) registration.unregister();
    });
  }
}

const MOUNTS = [
  ["form[data-cx-checklist]", (form) => mountTools(new ChecklistPage(form))],
  ["[data-cx-teamview]", mountTeam],
  ["[data-cx-forget]", mountForget],
];

setupOffline();
document$.subscribe(() => {
  for (const [selector, mount] of MOUNTS) {
    for (const element of document.querySelectorAll(selector)) {
      if (element.dataset.cxMounted) continue;
      element.dataset.cxMounted = "true";
      mount(element);
    }
  }
});
