// The shared view: answers from a #cx= link, read-only until the reader adopts them as their own.
import { fill } from "./dom.mjs";

function show(page, on) {
  page.form.querySelector("[data-cx-answers]").disabled = on;
  page.form.querySelector("[data-cx-shared]").hidden = !on;
  if (on) page.form.dataset.cxShared = "true";
  else delete page.form.dataset.cxShared;
}

/** Back to the reader's own answers (and a link without the code); the caller scores what it puts on the form. */
export function endShared(page) {
  page.shared = null;
  page.apply(page.state.answers);
  show(page, false);
  history.replaceState(null, "", location.pathname + location.search);
}

/** Open the page's share link, if it has one; a refusal is a notice, and the own answers stay. */
export async function openShared(page) {
  const code = location.hash.startsWith("#cx=") ? location.hash.slice(4) : null;
  if (!code) return;
  try {
    const found = await page.engine.call("share_decode", { code, lang: page.lang });
    if (found.checklist !== page.id) return page.notice(page.messages.shared_other);
    if (found.notice) page.notice(found.notice);
    page.shared = found.answers;
    page.apply(found.answers);
    show(page, true);
  } catch (error) {
    page.notice(fill(page.messages.shared_failed, { reason: error.message || "" }));
  }
}

export function mountShared(page) {
  page.form.querySelector("[data-cx-leave]").addEventListener("click", () => {
    endShared(page);
    page.update();
  });
  page.form.querySelector("[data-cx-adopt]").addEventListener("click", () => {
    if (page.hasAnswers() && !window.confirm(page.messages.confirm_adopt)) return;
    const answers = page.shared;
    endShared(page);
    page.apply(answers);
    page.changed();
    page.say(page.messages.adopted);
  });
}
