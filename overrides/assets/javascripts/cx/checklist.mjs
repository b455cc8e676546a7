// One checklist page: the form's answers, their saved entry and the result panel, which the engine renders as
// escaped HTML. The shared view (shared.mjs) and the tools (tools.mjs) work through these methods.
// Stored data is outside input: until the engine has read the saved entry back, nothing of it is sent with a
// request or written over; what the reader does meanwhile is kept apart (a pending entry) and wins afterwards.
import { download, payload } from "./dom.mjs";
import { engine, engineConfig, watch } from "./engine.mjs";
import { keyOf, openStorage, parsed, readText, remove, write } from "./storage.mjs";

const WORDS = new Set(["unknown", "yes", "no"]); // answers that are words: "don't know" and a gate's yes or no

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
    this.bar = form.querySelector("[data-cx-scorebar]");
    this.notices = new Set();
    this.shared = null;
    this.latest = 0;
    this.ready = false; // the engine answers, and has read the saved entry back
    this.state = {}; // the saved entry as the engine validated it: the only one requests ever carry
    this.hold = null; // why the stored entry must not be written over yet ("newer", "full"), or null
    this.original = null; // the stored text the engine could not keep whole, for the reader to download
    this.store = openStorage();
    if (!this.store) this.notice(this.messages.storage);
    // the saved answers go back on the form at once (nothing of them is trusted: only ticks and field values), with
    // what the reader did before, even before this glue was mounted, over them; that is kept apart until the engine
    // has read the entry back
    const text = readText(this.store, keyOf(this.id));
    const raw = parsed(text);
    const saved = raw !== null && typeof raw === "object" ? raw : {};
    const pending = parsed(readText(this.store, keyOf(this.id, ":pending"))) || {};
    const early = this.onForm();
    this.touched = Boolean(Object.keys(early.answers).length || early.role || early.team || pending.answers);
    this.fill({
      answers: { ...this.objectOr(saved.answers), ...this.objectOr(pending.answers), ...early.answers },
      role: early.role || pending.role || saved.role,
      team: early.team || pending.team || saved.team,
    });
    if (this.touched) this.save();
    window.cxLast?.show(this.panel, this.collect()); // the last result (cx-last.js), now for the form's answers
    this.engine = engine(form);
    const defined = this.engine.call("define", { definition: data.definition, links: data.links });
    const status = form.querySelector("[data-cx-status]");
    /** Settles once the engine is ready and has read the saved entry back. */
    this.restored = watch(form, status, this.messages, defined, (state, said) => this.waiting(state, said)).then(() =>
      this.restore(text),
    );
    form.addEventListener("change", (event) => this.changed(event));
    this.team.addEventListener("input", () => {
      this.touched = true;
      this.save();
    });
    form.querySelector("[data-cx-download-original]").addEventListener("click", () => this.downloadOriginal());
    form.querySelector("[data-cx-start-afresh]").addEventListener("click", () => this.startAfresh());
  }

  objectOr(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
  }

  get isReady() {
    return this.ready;
  }

  call(op, args) {
    return this.engine.call(op, { checklist_id: this.id, lang: this.lang, ...args });
  }

  /** Add a notice (in the page's language); with `actions`, offer to download the original and to start afresh. */
  notice(text, actions = false) {
    this.notices.add(text);
    const box = this.form.querySelector("[data-cx-notice]");
    box.querySelector("[data-cx-notice-text]").textContent = [...this.notices].join(" ");
    if (actions) box.querySelector("[data-cx-notice-actions]").hidden = false;
    box.hidden = false;
  }

  say(text) {
    this.tools.querySelector("[data-cx-action-status]").textContent = text;
  }

  /** While the engine loads, the place of the result says so too (with the bytes that arrived). */
  waiting(state, said) {
    const wait = this.panel.querySelector("[data-cx-result-wait]");
    if (!wait) return;
    const opening = this.shared || document.documentElement.classList.contains("cx-shared-view");
    const lead = opening ? this.messages.shared_wait : this.messages.result_wait;
    wait.textContent = state === "ready" || !said ? lead : `${lead} ${said}`;
  }

  /** The answers on the form, as the engine takes them. */
  collect() {
    const answers = {};
    for (const input of this.form.querySelectorAll("input[type=radio]:checked")) {
      answers[input.name] = WORDS.has(input.value) ? input.value : Number(input.value);
    }
    return answers;
  }

  /** Tick the given answers, clearing the rest (a value with no option on the form is left out). */
  apply(answers) {
    for (const input of this.form.querySelectorAll("input[type=radio]")) {
      input.checked = Boolean(answers) && Object.hasOwn(answers, input.name) && String(answers[input.name]) === input.value;
    }
    this.gates();
  }

  /** Statements behind a gate answered "no" do not apply: they are greyed out (the engine leaves them out). */
  gates() {
    for (const gate of this.form.querySelectorAll("[data-cx-gate]")) {
      const closed = gate.querySelector("input[value=no]").checked;
      for (const statement of this.form.querySelectorAll(`[data-cx-gated-by="${CSS.escape(gate.dataset.cxGate)}"]`)) {
        statement.disabled = closed;
      }
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
    if (this.role.selectedIndex < 0) this.role.value = "";
    this.team.value = typeof team === "string" ? team : "";
  }

  /**
   * The engine reads the saved entry back: what no longer fits is dropped, with one notice. An entry it could not
   * keep whole is kept as it was (and apart, where storage has room) until the reader acts; an entry written by a
   * newer version of the site is never written over.
   */
  async restore(text) {
    const { state, notice, lossy, held, newer } = await this.call("restore", { text });
    if (lossy) this.keepOriginal(text, held, newer);
    if (notice) this.notice(notice, lossy);
    if (this.hold) this.notice(this.hold === "full" ? this.messages.aside_full : this.messages.not_saving);
    const mine = this.touched ? this.onForm() : null; // what the reader did meanwhile wins
    this.state = state;
    this.ready = true;
    this.fill(mine ? { ...state, ...mine } : state);
    // answers of an older version, carried over, are saved back at once (a copy of the original stays apart); an
    // entry the engine could not read whole waits for the reader, who acts by changing something
    if (mine || (lossy && !held && !this.hold)) this.save();
    else remove(this.store, keyOf(this.id, ":pending"));
  }

  /** Keep the stored text the engine could not keep whole: for download, and apart in storage where it fits. */
  keepOriginal(text, held, newer) {
    this.original = text;
    const apart = text !== null && write(this.store, keyOf(this.id, ":original"), text, { raw: true });
    this.hold = newer ? "newer" : apart || !held ? null : "full";
  }

  downloadOriginal() {
    if (this.original === null) return;
    download({ name: `${this.id}-${this.messages.original_file}.json`, text: this.original, type: "application/json" });
  }

  /** The reader chooses to go on: the original stays apart (or in the download), and saving starts again. */
  startAfresh() {
    if (this.hold === "newer") write(this.store, keyOf(this.id, ":original"), this.original, { raw: true });
    this.hold = null;
    this.notices.clear();
    this.notice(this.messages.started_afresh);
    this.touched = true;
    this.save();
  }

  save() {
    const entry = { answers: this.collect(), role: this.role.value || null, team: this.team.value.trim() || null };
    if (!this.ready || this.hold) {
      // nothing is written over the saved entry before the engine has read it, nor while it must be kept as it is:
      // the reader's changes wait apart (and come back on the form after a reload)
      if (this.store && !write(this.store, keyOf(this.id, ":pending"), entry)) this.notice(this.messages.storage_full);
      return;
    }
    const stamp = { schema: engineConfig().schema, checklist: this.id, version: this.version };
    this.state = { ...this.state, ...stamp, ...entry, updated: new Date().toISOString() };
    if (this.store && !write(this.store, keyOf(this.id), this.state)) this.notice(this.messages.storage_full);
    else remove(this.store, keyOf(this.id, ":pending"));
  }

  changed(event) {
    if (this.shared || event?.target?.closest?.("[data-cx-plan]")) return;
    if (event?.target?.closest?.("[data-cx-gate]")) this.gates();
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
      const typing = document.activeElement?.dataset?.cxPlan;
      this.panel.querySelector("[data-cx-result]").innerHTML = reply.html; // built and escaped by the engine
      if (own) this.keepPlan(typing);
      delete this.panel.dataset.cxFromLastVisit;
      this.panel.querySelector("[data-cx-last]").hidden = true;
      this.form.querySelector("[data-cx-announce]").textContent = reply.announce;
      this.bar.textContent = reply.bar;
      this.bar.hidden = !own || Object.keys(answers).length === 0;
      this.panel.dataset.cxRenders = String(Number(this.panel.dataset.cxRenders || 0) + 1);
      if (own) {
        const back = document.querySelector(`[data-cx-return-for="${CSS.escape(this.id)}"]`);
        if (back && !back.hidden) back.querySelector("[data-cx-return-text]").textContent = reply.bar;
        setTimeout(() => window.cxLast?.keep(this.form, answers, reply.kept)); // after the result is shown
      }
    } catch (error) {
      console.warn("cx: not scored:", error.message);
    }
  }

  /** A result rendered while the reader typed a plan's owner or date shows what was typed since, still in focus. */
  keepPlan(typing) {
    for (const field of this.panel.querySelectorAll("[data-cx-plan]")) {
      const [area, key] = field.dataset.cxPlan.split(":");
      const value = this.state.plan?.[area]?.[key] ?? "";
      if (field.value !== value) field.value = value;
      field.setAttribute("value", value);
      if (field.dataset.cxPlan === typing) field.focus();
    }
  }

  hasAnswers() {
    return Object.keys(this.state.answers || {}).length > 0;
  }
}
