// The tools around a checklist's result, grouped as a reader thinks: share with the team (a link, a file), keep
// for later (a snapshot, a spreadsheet, opening a file), print (the report, the chart as a picture); erasing the
// answers apart. Everything goes through the page's methods (checklist.mjs); the engine validates every file and
// link, names every download, and renders the snapshots and the plan in the result panel.
import { download, fill } from "./dom.mjs";
import { fileText } from "./engine.mjs";
import { endShared } from "./shared.mjs";

export function mountTools(page) {
  const { tools, panel, messages } = page;
  const $ = (selector) => tools.querySelector(selector);
  const onClick = (selector, handler) => $(selector).addEventListener("click", handler);
  const needEngine = () => page.isReady || (page.say(messages.loading), false);
  const changed = (say) => {
    page.save();
    page.say(say);
    page.update();
  };
  // whose answers a download or link carries: the shared ones as the link gave them, else the reader's own entry
  const whose = () => (page.shared ? { ...page.sharedMeta, plan: {} } : page.state);

  for (const button of tools.querySelectorAll("[data-cx-export]")) {
    button.addEventListener("click", async () => {
      if (!needEngine()) return;
      const args = { answers: page.answers(), saved: whose(), date: new Date().toISOString() };
      download((await page.call("export", args))[button.dataset.cxExport]);
    });
  }

  const importInput = $("[data-cx-import]");
  importInput.addEventListener("change", async () => {
    const file = importInput.files[0];
    importInput.value = "";
    if (!file) return;
    const refuse = (reason) => page.say(fill(messages.import_failed, { name: file.name, reason }));
    if (!needEngine()) return;
    try {
      const found = await page.call("import", { text: await fileText(file), size: file.size });
      if (page.hasAnswers() && !window.confirm(messages.confirm_import)) return page.say(messages.import_cancelled);
      if (page.shared) endShared(page);
      page.fill({ answers: found.answers, role: found.role || page.role.value, team: found.team || page.team.value });
      page.state.plan = found.plan;
      page.touched = true;
      changed([fill(messages.imported, { name: file.name }), found.notice].filter(Boolean).join(" "));
    } catch (error) {
      refuse(error.message || String(error));
    }
  });

  onClick("[data-cx-share]", async () => {
    if (!needEngine()) return;
    const { role, team } = whose();
    const { code } = await page.call("share_encode", { answers: page.answers(), role, team });
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

  onClick("[data-cx-chart-download]", async () => {
    if (!needEngine()) return;
    download((await page.call("chart", { answers: page.answers(), date: new Date().toISOString() })).file);
  });

  onClick("[data-cx-snapshot]", async () => {
    if (page.shared || !needEngine()) return;
    const { plan, snapshots } = page.state;
    ({ snapshots: page.state.snapshots } = await page.call("snapshot", { answers: page.collect(), plan, snapshots }));
    page.touched = true;
    changed(messages.snapshot_saved);
  });

  onClick("[data-cx-reset]", () => {
    if (!window.confirm(messages.confirm_reset)) return;
    if (page.shared) endShared(page);
    page.apply({});
    page.state.plan = {};
    page.touched = true;
    changed(messages.reset_done);
  });

  // in the result panel (rendered by the engine; never the last visit's, which carries no hooks): the plan's owners
  // and dates, and deleting a snapshot
  const engineRendered = () => page.isReady && !panel.dataset.cxFromLastVisit;
  // saved as it is typed, so that a render in between (another answer) never loses what was typed
  const planned = (event) => {
    const field = event.target.closest("[data-cx-plan]");
    if (!field || !engineRendered()) return;
    const [area, key] = field.dataset.cxPlan.split(":");
    page.state.plan = { ...page.state.plan, [area]: { ...(page.state.plan || {})[area], [key]: field.value || null } };
    page.touched = true;
    page.save();
  };
  panel.addEventListener("input", planned);
  panel.addEventListener("change", planned);
  panel.addEventListener("click", (event) => {
    const remove = event.target.closest("[data-cx-snapshot-delete]");
    if (!remove || !engineRendered()) return;
    page.state.snapshots.splice(Number(remove.dataset.cxSnapshotDelete), 1);
    page.touched = true;
    changed(messages.snapshot_deleted);
  });
}
