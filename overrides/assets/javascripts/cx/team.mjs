// The team session: files, share links and pasted text in, the team's picture out, with the groups to include,
// the team plan and team snapshots. The session is kept in this browser (the facilitator can close the tab and come
// back); what is kept is outside input, so the engine reads it back first (team_restore) and every item is read
// again on every request. The engine renders everything the facilitator sees; this module moves it.
import { download, payload } from "./dom.mjs";
import { engine, fileText, watch } from "./engine.mjs";
import { keyOf, openStorage, readText, write } from "./storage.mjs";

const KEY = keyOf("team-session"); // the groups left out, the team plan, team snapshots: small, saved often
const ITEMS = keyOf("team-session:items"); // the collected files and links: large, saved when they change
const SCHEMA = 1;

export function mountTeam(root) {
  const lang = root.dataset.cxLang;
  const data = payload('script.cx-team-definitions[data-cx-for="team"]');
  const { messages } = data;
  const $ = (selector) => root.querySelector(selector);
  const client = engine(root);
  const store = openStorage();
  const session = { items: [], exclude: [], plan: {}, snapshots: [] };
  let files = {};
  let restored = false;
  let original = null;
  const definitions = data.definitions.map((definition) =>
    client.call("define", { definition, links: data.links[definition.id] || {} }),
  );
  const ready = watch(root, $("[data-cx-status]"), messages, Promise.all(definitions));
  const say = (text) => {
    $("[data-cx-team-status]").textContent = text;
  };
  const notice = (text, offer = false) => {
    const box = $("[data-cx-notice]");
    box.querySelector("[data-cx-notice-text]").textContent = text;
    box.querySelector("[data-cx-notice-actions]").hidden = !offer;
    box.hidden = false;
  };
  const save = (items = false) => {
    if (!restored || !store) return;
    const { exclude, plan, snapshots } = session;
    const kept = write(store, KEY, { schema: SCHEMA, exclude, plan, snapshots });
    if (!kept || (items && !write(store, ITEMS, session.items))) notice(messages.team_not_saved);
  };
  const request = () => ({ files: session.items, lang, exclude: session.exclude, plan: session.plan });

  let latest = 0;
  const refresh = async () => {
    if (!restored) return;
    const ticket = ++latest;
    const summary = $("[data-cx-team-summary]");
    const date = new Date().toISOString();
    const reply = await client.call("team", { ...request(), date, snapshots: session.snapshots }).catch((error) => {
      if (ticket === latest) summary.textContent = error.message; // the engine's sentence; the items stay
    });
    if (!reply || ticket !== latest) return;
    summary.textContent = reply.summary;
    $("[data-cx-team-intake]").innerHTML = reply.intake; // built and escaped by the engine
    $("[data-cx-team-result]").innerHTML = reply.html;
    $("[data-cx-team-title]").textContent = reply.title ? `${messages.team_title_sep}${reply.title}` : "";
    // the date as the individual result and the downloads write it (the engine's `date[:10]`)
    $("[data-cx-team-date]").textContent = reply.html ? date.slice(0, 10) : "";
    $("[data-cx-team-actions]").hidden = Object.keys(reply.files).length === 0;
    files = reply.files;
    root.dataset.cxTeamRenders = String(Number(root.dataset.cxTeamRenders || 0) + 1);
    root.dataset.cxTeamRenderAt = String(performance.now()); // for the benchmarks
  };

  // the kept session, read back by the engine; one that cannot be read whole is kept apart and offered for download
  const restore = async () => {
    const [text, items] = [readText(store, KEY), readText(store, ITEMS)];
    const { state, notice: said, lossy } = await client.call("team_restore", { text, items, lang });
    if (lossy) {
      original = JSON.stringify({ session: text, items });
      write(store, `${KEY}:original`, original, { raw: true });
    }
    if (said) notice(said, lossy);
    const early = session.items.length > 0; // anything added while the engine loaded comes after
    session.items.unshift(...state.items);
    Object.assign(session, { exclude: state.exclude, plan: state.plan, snapshots: state.snapshots });
    restored = true;
    if (early) save(true);
  };
  ready.then(restore).then(refresh, () => {});

  const added = () => {
    save(true);
    refresh();
  };
  const addFiles = async (list) => {
    const texts = await Promise.all(list.map(fileText));
    list.forEach((file, i) => session.items.push({ name: file.name, text: texts[i], size: file.size }));
    added();
  };
  const input = $("[data-cx-team-files]");
  input.addEventListener("change", async () => {
    await addFiles([...input.files]);
    input.value = "";
  });
  const drop = $("[data-cx-drop]");
  const over = (on) => (event) => {
    event.preventDefault();
    drop.classList.toggle("cx-drop--over", on);
    if (event.type === "drop") addFiles([...event.dataTransfer.files]);
  };
  drop.addEventListener("dragover", over(true));
  drop.addEventListener("dragleave", over(false));
  drop.addEventListener("drop", over(false));
  $("[data-cx-team-add]").addEventListener("click", () => {
    const area = $("[data-cx-team-links]");
    const text = area.value.trim();
    if (text.startsWith("{")) session.items.push({ name: text.slice(0, 60), text }); // a download's text, pasted
    else for (const line of text.split(/\s+/).filter(Boolean)) session.items.push({ name: line.slice(0, 60), text: line });
    area.value = "";
    added();
  });
  $("[data-cx-team-clear]").addEventListener("click", () => {
    if (!window.confirm(messages.team_confirm_clear)) return;
    Object.assign(session, { items: [], exclude: [], plan: {} }); // the team snapshots stay, for the follow-up
    say(messages.team_cleared);
    added();
  });
  $("[data-cx-download-original]").addEventListener("click", () => {
    if (original !== null) download({ name: `team-session-${messages.original_file}.json`, text: original, type: "application/json" });
  });
  $("[data-cx-team-snapshot]").addEventListener("click", async () => {
    ({ snapshots: session.snapshots } = await client.call("team_snapshot", { ...request(), snapshots: session.snapshots }));
    save();
    say(messages.team_saved_snapshot);
    refresh();
  });
  $("[data-cx-team-print]").addEventListener("click", () => window.print());
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-cx-team-download]");
    if (button) download(files[button.dataset.cxTeamDownload]);
  });
  root.addEventListener("input", (event) => {
    if (event.target.closest("[data-cx-team-plan]")) planned(event.target.closest("[data-cx-team-plan]"));
  });
  const planned = (field) => {
    const [checklist, area, part] = field.dataset.cxTeamPlan.split(":");
    const own = session.plan[checklist] || {};
    session.plan = { ...session.plan, [checklist]: { ...own, [area]: { ...own[area], [part]: field.value || null } } };
    save();
  };
  root.addEventListener("change", (event) => {
    const group = event.target.closest("[data-cx-team-group]");
    if (group) {
      const key = group.dataset.cxTeamGroup;
      session.exclude = group.checked ? session.exclude.filter((k) => k !== key) : [...session.exclude, key];
      save();
      return refresh();
    }
    const field = event.target.closest("[data-cx-team-plan]");
    if (field) planned(field);
  });
}
