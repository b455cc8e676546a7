// One checklist page: the form's answers, their saved entry and the result panel, which the engine renders as
// escaped HTML. The shared view (shared.mjs) and the tools (tools.mjs) work through these methods.
import { payload } from "./dom.mjs";
import { engine, engineConfig, watch } from "./engine.mjs";
import { keyOf, openStorage, parsed, readText, write } from "./storage.mjs";

export class ChecklistPage {
  constructor(form) {
    Object.assign(this, { form, id: form.dataset.cxChecklist, lang: form.dataset.cxLang });
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
    // until the engine has read the saved entry back, it is put back as it was, unchecked; what the reader
    // did before this glue was mounted (an answer, a role, a team) wins over it and is saved at once
    const text = readText(this.store, keyOf(this.id));
    this.state = parsed(text) || {};
    const early = this.onForm();
    this.touched = Boolean(Object.keys(early.answers).length || early.role || early.team);
    const { answers, role, team } = this.state;
    this.fill({ answers: { ...answers, ...early.answers }, role: early.role || role, team: early.team || team });
    if (this.touched) this.save();
    window.cxLast?.show(this.panel, this.collect()); // the last result (cx-last.js), now for the form's answers
    this.engine = engine(form);
    const defined = this.engine.call("define", { definition: data.definition, links: data.links });
    /** Settles once the engine is ready and has read the saved entry back. */
    this.restored = watch(form, form.querySelector("[data-cx-status]"), this.messages, defined).then(() =>
      this.restore(text),
    );
    form.addEventListener("change", () => this.changed());
    this.team.addEventListener("input", () => {
      this.touched = true;
      this.save();
    });
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

  /** The answers on the form, as the engine takes them. */
  collect() {
    const answers = {};
    for (const input of this.form.querySelectorAll("input[type=radio]:checked")) {
      answers[input.name] = input.value === "unknown" ? "unknown" : Number(input.value);
    }
    return answers;
  }

  /** Tick the given answers, clearing the rest (a value with no option on the form is left out). */
  apply(answers) {
    for (const input of this.form.querySelectorAll("input[type=radio]")) {
      input.checked = Boolean(answers) && Object.hasOwn(answers, input.name) && String(answers[input.name]) === input.value;
    }
  }

  /** The form as an entry: the answers ticked, the role chosen and the team named ("" where none). */
  onForm() {
    return { answers: this.collect(), role: this.role.value, team: this.team.value };
  }

  /** Put an entry on the form: its answers ticked, its role and team filled in (what is not text left blank). */
  fill({ answers, role, team }) {
    this.apply(answers);
    this.role.value = typeof role === "string" ? role : "";
    this.team.value = typeof team === "string" ? team : "";
  }

  /** The engine reads the saved entry back: what no longer fits is dropped, with one notice. */
  async restore(text) {
    const { state, notice } = await this.call("restore", { text });
    if (notice) this.notice(notice);
    this.state = this.touched ? { ...state, ...this.onForm() } : state; // what the reader did meanwhile wins
    this.fill(this.state);
    this.save();
  }

  save() {
    const entry = { schema: engineConfig().schema, checklist: this.id, version: this.version };
    this.state = {
      ...this.state,
      ...entry,
      answers: this.collect(),
      role: this.role.value || null,
      team: this.team.value.trim() || null,
      updated: new Date().toISOString(),
    };
    if (this.store && !write(this.store, keyOf(this.id), this.state)) this.notice(this.messages.storage_full);
  }

  changed() {
    if (this.shared) return;
    this.touched = true;
    this.save();
    this.update();
  }

  /** The answers in view: the shared ones while a share link is open, else the reader's own. */
  answers() {
    return this.shared || this.collect();
  }

  async update() {
    if (!this.isReady) return window.cxLast?.show(this.panel, this.collect());
    const ticket = ++this.latest;
    const answers = this.answers();
    const own = !this.shared;
    try {
      const reply = await this.call("score", { answers, saved: own ? this.state : null });
      if (ticket !== this.latest) return;
      this.panel.querySelector("[data-cx-result]").innerHTML = reply.html; // built and escaped by the engine
      delete this.panel.dataset.cxFromLastVisit;
      this.panel.querySelector("[data-cx-last]").hidden = true;
      this.form.querySelector("[data-cx-announce]").textContent = reply.announce;
      this.panel.dataset.cxRenders = String(Number(this.panel.dataset.cxRenders || 0) + 1);
      if (own) setTimeout(() => window.cxLast?.keep(this.form, answers, reply.html)); // after the result is shown
    } catch (error) {
      console.warn("cx: not scored:", error.message);
    }
  }

  hasAnswers() {
    return Object.keys(this.state.answers || {}).length > 0;
  }
}
