// The tools under a checklist's result: export, import, share link, print, snapshots and reset.
// Everything goes through the page's methods (checklist.mjs); the engine validates every file and link.
import { download, fill } from "./dom.mjs";
import { engineConfig } from "./engine.mjs";

const MAX_SNAPSHOTS = 40;

export function mountTools(page) {
  const { tools, messages } = page;
  const $ = (selector) => tools.querySelector(selector);
  const onClick = (selector, handler) => $(selector).addEventListener("click", handler);
  const needEngine = () => page.isReady || (page.say(messages.loading), false);

  for (const button of tools.querySelectorAll("[data-cx-export]")) {
    button.addEventListener("click", async () => {
      if (!needEngine()) return;
      const { role, team } = page.meta();
      const made = await page.call("export", { answers: page.answers(), role, team, date: new Date().toISOString() });
      if (button.dataset.cxExport === "csv") download(`${made.stem}.csv`, made.csv, "text/csv;charset=utf-8");
      else download(`${made.stem}.json`, made.json, "application/json");
    });
  }

  const importInput = $("[data-cx-import]");
  importInput.addEventListener("change", async () => {
    const file = importInput.files[0];
    importInput.value = "";
    if (!file) return;
    const refuse = (reason) => page.say(fill(messages.import_failed, { name: file.name, reason }));
    if (file.size > engineConfig().max_bytes) return refuse(messages.too_large);
    if (!needEngine()) return;
    try {
      const found = await page.call("import", { text: await file.text() });
      if (page.hasAnswers() && !window.confirm(messages.confirm_import)) return page.say(messages.import_cancelled);
      if (page.shared) page.leaveShared();
      page.apply(found.answers);
      if (found.role) page.role.value = found.role;
      if (found.team) page.team.value = found.team;
      page.save();
      page.say([fill(messages.imported, { name: file.name }), found.notice].filter(Boolean).join(" "));
      page.update();
    } catch (error) {
      refuse(error.message || String(error));
    }
  });

  onClick("[data-cx-share]", async () => {
    if (!needEngine()) return;
    const { code } = await page.call("share_encode", { answers: page.answers() });
    const url = `${location.origin}${location.pathname}#cx=${code}`;
    const field = $("[data-cx-share-url]");
    field.value = url;
    $("[data-cx-share-box]").hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      page.say(messages.share_ready);
    } catch {
      page.say(messages.share_made);
    }
  });

  onClick("[data-cx-print]", () => window.print());

  const list = $("[data-cx-snapshots]");
  const renderSnapshots = () => {
    list.replaceChildren();
    const snapshots = page.state.snapshots || [];
    $("[data-cx-no-snapshots]").hidden = snapshots.length > 0;
    snapshots.forEach((snapshot, index) => {
      const item = document.createElement("li");
      item.dataset.cxSnapshotItem = String(index);
      const text = document.createElement("span");
      text.textContent = fill(messages.snapshot_item, { date: snapshot.date, score: snapshot.score ?? "—" });
      const remove = Object.assign(document.createElement("button"), { type: "button", className: "md-button cx-small" });
      remove.textContent = messages.snapshot_delete;
      remove.setAttribute("aria-label", `${messages.snapshot_delete} ${snapshot.date}`);
      remove.addEventListener("click", () => {
        page.state.snapshots.splice(index, 1);
        page.save();
        renderSnapshots();
        page.update();
      });
      item.append(text, " ", remove);
      list.append(item);
    });
  };
  renderSnapshots();

  onClick("[data-cx-snapshot]", () => {
    if (page.shared) return;
    const snapshot = {
      date: new Date().toISOString().slice(0, 10),
      version: page.version,
      answers: page.collect(),
      score: page.panel.dataset.cxOverallScore || null,
      sections: page.shown || {},
    };
    page.state.snapshots = [...(page.state.snapshots || []), snapshot].slice(-MAX_SNAPSHOTS);
    page.save();
    renderSnapshots();
    page.say(messages.snapshot_saved);
    page.update();
  });

  onClick("[data-cx-reset]", () => {
    if (!window.confirm(messages.confirm_reset)) return;
    if (page.shared) page.leaveShared();
    page.apply({});
    page.save();
    page.say(messages.reset_done);
    page.update();
  });
}
