// The team view: exports and pasted share links in, the team's picture out (rendered by the engine).
import { download, fill, payload } from "./dom.mjs";
import { engine, engineConfig, watch } from "./engine.mjs";

export function mountTeam(root) {
  const lang = root.dataset.cxLang;
  const data = payload('script.cx-team-definitions[data-cx-for="team"]');
  const messages = data.messages;
  const $ = (selector) => root.querySelector(selector);
  const client = engine(root);
  const items = [];
  const early = [];
  const definitions = data.definitions.map((definition) =>
    client.call("define", { definition, links: data.links[definition.id] || {} }),
  );
  const ready = watch(root, $("[data-cx-status]"), messages, Promise.all(definitions));

  const lines = (selector, entries) =>
    $(selector).replaceChildren(
      ...entries.map((entry) => {
        const item = document.createElement("li");
        item.textContent = fill(messages.team_refused, { name: entry.name, reason: entry.message });
        return item;
      }),
    );

  const offer = (downloads) => {
    const box = $("[data-cx-team-downloads]");
    box.replaceChildren();
    for (const [name, files] of Object.entries(downloads)) {
      for (const [kind, type] of [["json", "application/json"], ["csv", "text/csv;charset=utf-8"]]) {
        const button = Object.assign(document.createElement("button"), { type: "button", className: "md-button" });
        button.dataset.cxTeamDownload = `${name}:${kind}`;
        button.textContent = fill(messages[`team_download_${kind}`], { name });
        button.addEventListener("click", () => download(`${files.stem}.${kind}`, files[kind], type));
        box.append(button, " ");
      }
    }
  };

  let latest = 0;
  const refresh = async () => {
    if (root.dataset.cxEngineState !== "ready") return;
    const ticket = ++latest;
    const reply = await client.call("team", { files: items, lang, date: new Date().toISOString() });
    if (ticket !== latest) return;
    const refused = [...early, ...reply.refused];
    $("[data-cx-team-result]").innerHTML = reply.html; // built and escaped by the engine
    $("[data-cx-team-summary]").textContent = fill(messages.team_summary, {
      accepted: reply.accepted,
      refused: refused.length,
    });
    lines("[data-cx-team-refused]", refused);
    lines("[data-cx-team-notes]", reply.notes);
    offer(reply.downloads);
    root.dataset.cxTeamRenders = String(Number(root.dataset.cxTeamRenders || 0) + 1);
    root.dataset.cxTeamRenderAt = String(performance.now()); // for the benchmarks
  };
  ready.then(refresh, () => {});

  const addFiles = async (files) => {
    for (const file of files) {
      if (file.size > engineConfig().max_bytes) early.push({ name: file.name, message: messages.too_large });
      else items.push({ name: file.name, text: await file.text() });
    }
    refresh();
  };
  const input = $("[data-cx-team-files]");
  input.addEventListener("change", async () => {
    await addFiles([...input.files]);
    input.value = "";
  });
  const drop = $("[data-cx-drop]");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("cx-drop--over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("cx-drop--over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("cx-drop--over");
    addFiles([...event.dataTransfer.files]);
  });
  $("[data-cx-team-add]").addEventListener("click", () => {
    const area = $("[data-cx-team-links]");
    for (const line of area.value.split(/\s+/).filter(Boolean)) items.push({ name: line.slice(0, 60), text: line });
    area.value = "";
    refresh();
  });
  $("[data-cx-team-clear]").addEventListener("click", () => {
    items.length = 0;
    early.length = 0;
    refresh();
  });
}
