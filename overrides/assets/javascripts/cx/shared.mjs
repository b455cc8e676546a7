// The shared view: answers from a #cx= link, opened as a result (the notice, then the result; the statements
// folded below), read-only until the reader adopts them as their own. The page head marks a share link before
// anything is painted (the class cx-shared-view, which cx.css lays out); this module confirms or withdraws it.
import { fill } from "./dom.mjs";

const VIEW = "cx-shared-view";

/** The shared result's notice, above the result (one checklist per page). */
const notice = () => document.querySelector("[data-cx-shared]");

function show(page, on) {
  document.documentElement.classList.toggle(VIEW, on);
  page.form.querySelector("[data-cx-answers]").disabled = on;
  notice().hidden = !on;
  if (on) page.form.dataset.cxShared = "true";
  else {
    delete page.form.dataset.cxShared;
    delete page.form.dataset.cxAnswersOpen;
    const toggle = document.querySelector("[data-cx-show-answers]");
    toggle.setAttribute("aria-expanded", "false");
    toggle.textContent = page.messages.show_answers;
  }
}

/** Back to the reader's own answers (and a link without the code); the caller scores what it puts on the form. */
export function endShared(page) {
  page.shared = null;
  page.apply(page.state.answers);
  show(page, false);
  history.replaceState(null, "", location.pathname + location.search);
}

/** Who answered, as the link says (role and team label), as text. */
function who(page, { role, team }) {
  const line = notice().querySelector("[data-cx-shared-who]");
  const roleName = role ? page.role.querySelector(`option[value="${CSS.escape(role)}"]`)?.textContent : null;
  const parts = [roleName, team].filter(Boolean);
  line.textContent = parts.length ? `: ${parts.join(" · ")}` : "";
  line.hidden = parts.length === 0;
}

/** Open the page's share link, if it has one; a refusal is a notice, and the own answers stay. */
export async function openShared(page) {
  const code = location.hash.startsWith("#cx=") ? location.hash.slice(4) : null;
  if (!code) return show(page, false);
  try {
    const found = await page.engine.call("share_decode", { code, lang: page.lang });
    if (found.checklist !== page.id) {
      show(page, false);
      return page.notice(page.messages.shared_other);
    }
    if (found.notice) page.notice(found.notice);
    page.shared = found.answers;
    page.sharedMeta = { role: found.role, team: found.team };
    page.apply(found.answers);
    who(page, found);
    show(page, true);
  } catch (error) {
    show(page, false);
    page.notice(fill(page.messages.shared_failed, { reason: error.message || "" }));
  }
}

export function mountShared(page) {
  const box = notice();
  box.querySelector("[data-cx-leave]").addEventListener("click", () => {
    endShared(page);
    page.update();
  });
  box.querySelector("[data-cx-adopt]").addEventListener("click", () => {
    if (page.hasAnswers() && !window.confirm(page.messages.confirm_adopt)) return;
    const answers = page.shared;
    const { role, team } = page.sharedMeta || {};
    endShared(page);
    page.fill({ answers, role: role || page.role.value, team: team || page.team.value });
    page.changed();
    page.say(page.messages.adopted);
  });
  const toggle = document.querySelector("[data-cx-show-answers]");
  toggle.addEventListener("click", () => {
    const open = !page.form.dataset.cxAnswersOpen;
    if (open) page.form.dataset.cxAnswersOpen = "true";
    else delete page.form.dataset.cxAnswersOpen;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? page.messages.hide_answers : page.messages.show_answers;
  });
  // a share link pasted into the address bar of an open page
  window.addEventListener("hashchange", async () => {
    if (!location.hash.startsWith("#cx=") || !page.isReady) return;
    document.documentElement.classList.add(VIEW);
    await openShared(page);
    page.update();
  });
}
