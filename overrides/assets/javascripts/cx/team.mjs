// The team view: exports and pasted share links in, the team's picture out. The engine reads every item on
// its own and renders what became of each, the views and the downloads; a file too large is not even read.
import { download, payload } from "./dom.mjs";
import { engine, fileText, watch } from "./engine.mjs";

export function mountTeam(root) {
  const lang = root.dataset.cxLang;
  const data = payload('script.cx-team-definitions[data-cx-for="team"]');
  const $ = (selector) => root.querySelector(selector);
  const client = engine(root);
  const items = [];
  let files = {};
  const definitions = data.definitions.map((definition) =>
    client.call("define", { definition, links: data.links[definition.id] || {} }),
  );
  const ready = watch(root, $("[data-cx-status]"), data.messages, Promise.all(definitions));

  let latest = 0;
  const refresh = async () => {
    if (root.dataset.cxEngineState !== "ready") return;
    const ticket = ++latest;
    const summary = $("[data-cx-team-summary]");
    const reply = await client.call("team", { files: items, lang, date: new Date().toISOString() }).catch((error) => {
      if (ticket === latest) summary.textContent = error.message; // the engine's sentence; the items stay
    });
    if (!reply || ticket !== latest) return;
    summary.textContent = reply.summary;
    $("[data-cx-team-intake]").innerHTML = reply.intake; // built and escaped by the engine
    $("[data-cx-team-result]").innerHTML = reply.html;
    files = reply.files;
    root.dataset.cxTeamRenders = String(Number(root.dataset.cxTeamRenders || 0) + 1);
    root.dataset.cxTeamRenderAt = String(performance.now()); // for the benchmarks
  };
  ready.then(refresh, () => {});

  const addFiles = async (list) => {
    const texts = await Promise.all(list.map(fileText));
    list.forEach((file, i) => items.push({ name: file.name, text: texts[i], size: file.size }));
    refresh();
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
    for (const line of area.value.split(/\s+/).filter(Boolean)) items.push({ name: line.slice(0, 60), text: line });
    area.value = "";
    refresh();
  });
  $("[data-cx-team-clear]").addEventListener("click", () => {
    items.length = 0;
    refresh();
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-cx-team-download]");
    if (button) download(files[button.dataset.cxTeamDownload]);
  });
}
