// What the browser tests read from and do to a checklist page, as one expression that every driver
// evaluates in the page: Playwright (Chromium), puppeteer-core (Firefox) and Selenium (WebKitGTK).
({
  // how many times the result panel has been rendered
  renders() {
    return Number(document.querySelector("[data-cx-result-for]").dataset.cxRenders || 0);
  },
  // clear the form, tick the given answers and fire one change event, as a person's last click would
  answer(answers) {
    const form = document.querySelector("form[data-cx-checklist]");
    for (const input of form.querySelectorAll("input[type=radio]")) input.checked = false;
    for (const [q, v] of Object.entries(answers)) form.querySelector(`input[name="${q}"][value="${v}"]`).checked = true;
    form.dispatchEvent(new Event("change", { bubbles: true }));
  },
  // whether the form holds exactly these answers
  holds(answers) {
    const form = document.querySelector("form[data-cx-checklist]");
    const ticked = [...form.querySelectorAll("input[type=radio]:checked")].map((i) => `${i.name}=${i.value}`);
    const wanted = Object.entries(answers).map(([q, v]) => `${q}=${v}`);
    return ticked.length === wanted.length && wanted.every((pair) => ticked.includes(pair));
  },
  // the last visit's result, as cx-last.js filled the build's template in (null when none is shown)
  kept() {
    const panel = document.querySelector("[data-cx-result-for]");
    if (!panel.dataset.cxFromLastVisit) return null;
    const body = panel.querySelector("[data-cx-result]");
    const score = body.querySelector('[data-slot="score"]');
    const level = body.querySelector("[data-slot-level]:not([hidden])");
    const sections = {};
    for (const row of body.querySelectorAll("[data-slot-section]")) {
      const value = row.querySelector('[data-slot="value"]').textContent;
      sections[row.dataset.slotSection] = value === "—" ? null : Number(value);
    }
    return {
      overall: score && !score.parentElement.hidden ? Number(score.textContent) : null,
      level: level ? Number(level.dataset.slotLevel) : null,
      coverage: Number(body.querySelector('[data-slot="coverage"]').textContent),
      sections,
      focus: [...body.querySelectorAll("[data-slot-focus]:not([hidden])")].map((item) => item.dataset.slotFocus),
    };
  },
  // what the page shows: overall, level, coverage and each section's score (null where blank)
  shown() {
    const panel = document.querySelector("[data-cx-result-for]");
    const num = (v) => (v === "" || v === undefined || v === null ? null : Number(v));
    const overall = panel.querySelector("[data-cx-overall]");
    const level = panel.querySelector("[data-cx-level]");
    const sections = {};
    for (const row of panel.querySelectorAll("tr[data-cx-section]")) {
      sections[row.dataset.cxSection] = num(row.querySelector("[data-cx-section-score]").dataset.cxSectionScore);
    }
    return {
      overall: num(overall && overall.dataset.cxOverall),
      level: level ? Number(level.dataset.cxLevel) : null,
      coverage: num(panel.querySelector("[data-cx-coverage]").dataset.cxCoverage),
      sections,
    };
  },
})
