// One checklist page: the form's answers, their saved state, the shared (read-only) view and the result
// panel, which the engine renders as escaped HTML. The tools (tools.mjs) work through this object's methods.
import { fill, payload } from "./dom.mjs";
import { engine, watch } from "./engine.mjs";
import { keyOf, openStorage, readEntry, writeEntry } from "./storage.mjs";

export class ChecklistPage {
  constructor(form) {
    this.form = form;
    this.id = form.dataset.cxChecklist;
    this.lang = form.dataset.cxLang;
    this.version = Number(form.dataset.cxVersion);
    const data = payload(`script.cx-definition[data-cx-for="${CSS.escape(this.id)}"]`);
    this.messages = data.messages;
    this.panel = document.querySelector(`[data-cx-result-for="${CSS.escape(this.id)}"]`);
    this.tools = document.querySelector(`[data-cx-actions-for="${CSS.escape(this.id)}"]`);
    this.role = form.querySelector("[data-cx-role]");
    this.team = form.querySelector("[data-cx-team]");
    this.notices = new Set();
    this.shared = null;
    this.latest = 0;
    this.store = openStorage();
    if (!this.store) this.notice(this.messages.storage);
    this.restore();
    this.engine = engine(form);
    this.ready = watch(form, form.querySelector("[data-cx-status]"), this.messages,
      this.engine.call("define", { definition: data.definition, links: data.links }));
    this.ready.then(() => this.openShared().then(() => this.update()), () => {});
    form.addEventListener("change", () => this.shared || (this.save(), this.update()));
    this.team.addEventListener("input", () => this.save());
    form.querySelector("[data-cx-adopt]").addEventListener("click", () => this.adopt());
    form.querySelector("[data-cx-leave]").addEventListener("click", () => this.leaveShared());
  }

  get isReady() {
    return this.form.dataset.cxEngineState === "ready";
  }

  call(op, args) {
    return this.engine.call(op, { checklist_id: this.id, lang: this.lang, ...args });
  }

  notice(text) {
    this.notices.add(text);
    const element = this.form.querySelector("[data-cx-notice]");
    element.textContent = [...this.notices].join(" ");
    element.hidden = false;
  }

  say(text) {
    this.tools.querySelector("[data-cx-action-status]").textContent = text;
  }

  radios() {
    return [...this.form.querySelectorAll("input[type=radio]")];
  }

  /** The answers on the form, as the engine takes them. */
  collect() {
    const answers = {};
    for (const input of this.radios()) {
      if (input.checked) answers[input.name] = input.value === "unknown" ? "unknown" : Number(input.value);
    }
    return answers;
  }

  /** Tick the given answers (clearing the rest); returns how many had no matching option. */
  apply(answers) {
    let unmatched = 0;
    for (const input of this.radios()) input.checked = false;
    for (const [question, value] of Object.entries(answers || {})) {
      const input = this.radios().find((radio) => radio.name === question && radio.value === String(value));
      if (input) input.checked = true;
      else unmatched += 1;
    }
    return unmatched;
  }

  restore() {
    let saved = readEntry(this.store, keyOf(this.id));
    if (saved && saved.corrupt) {
      this.notice(this.messages.corrupt);
      saved = null;
    }
    this.state = saved || { answers: {}, snapshots: [], updated: null };
    if (this.apply(this.state.answers) > 0) this.notice(this.messages.rejected);
    const roles = [...this.role.options].map((option) => option.value).filter(Boolean);
    this.role.value = roles.includes(this.state.role) ? this.state.role : "";
    this.team.value = typeof this.state.team === "string" ? this.state.team.slice(0, 80) : "";
  }

  save() {
    this.state = {
      checklist: this.id,
      version: this.version,
      answers: this.collect(),
      role: this.role.value || null,
      team: this.team.value.trim() || null,
      updated: new Date().toISOString(),
      snapshots: this.state.snapshots || [],
    };
    if (this.store && !writeEntry(this.store, keyOf(this.id), this.state)) this.notice(this.messages.storage_full);
  }

  /** The answers in view: the shared ones while a share link is open, else the reader's own. */
  answers() {
    return this.shared ? this.shared : this.collect();
  }

  meta() {
    return {
      date: (this.state.updated || new Date().toISOString()).slice(0, 10),
      role: this.shared ? null : this.role.value || null,
      team: this.shared ? null : this.team.value.trim() || null,
    };
  }

  async update() {
    if (!this.isReady) return;
    const ticket = ++this.latest;
    const snapshots = this.state.snapshots || [];
    const previous = !this.shared && snapshots.length ? snapshots[snapshots.length - 1] : null;
    try {
      const reply = await this.call("score", { answers: this.answers(), meta: this.meta(), previous });
      if (ticket !== this.latest) return;
      this.panel.querySelector("[data-cx-result]").innerHTML = reply.html; // built and escaped by the engine
      this.form.querySelector("[data-cx-announce]").textContent = reply.announce;
      this.panel.dataset.cxRenders = String(Number(this.panel.dataset.cxRenders || 0) + 1);
      this.panel.dataset.cxOverallScore = reply.overall ?? "";
      this.shown = reply.sections;
    } catch (error) {
      console.error("cx: scoring failed", error);
    }
  }

  async openShared() {
    const code = location.hash.startsWith("#cx=") ? location.hash.slice(4) : null;
    if (!code) return;
    try {
      const found = await this.engine.call("share_decode", { code, lang: this.lang });
      if (found.checklist !== this.id) this.notice(this.messages.shared_other);
      else this.enterShared(found.answers);
    } catch (error) {
      this.notice(fill(this.messages.shared_failed, { reason: error.message || "" }));
    }
  }

  enterShared(answers) {
    this.shared = answers;
    this.apply(answers);
    this.showShared(true);
  }

  leaveShared() {
    this.shared = null;
    this.apply(this.state.answers);
    this.showShared(false);
    history.replaceState(null, "", location.pathname + location.search);
    this.update();
  }

  showShared(on) {
    this.form.querySelector("[data-cx-answers]").disabled = on;
    this.form.querySelector("[data-cx-shared]").hidden = !on;
    if (on) this.form.dataset.cxShared = "true";
    else delete this.form.dataset.cxShared;
  }

  hasAnswers() {
    return Object.keys(this.state.answers || {}).length > 0;
  }

  adopt() {
    if (this.hasAnswers() && !window.confirm(this.messages.confirm_adopt)) return;
    const answers = this.shared;
    this.leaveShared();
    this.apply(answers);
    this.save();
    this.say(this.messages.adopted);
    this.update();
  }
}
