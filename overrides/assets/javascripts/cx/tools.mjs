// The tools around a checklist's result: export, import, share link, print, snapshots, reset, the action
// plan's fields and the chart as an SVG file. Everything goes through the page's methods (checklist.mjs);
// the engine validates every file and link, and renders the snapshots and the plan in the result panel.
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

  for (const button of tools.querySelectorAll("[data-cx-export]")) {
    button.addEventListener("click", async () => {
      if (!needEngine()) return;
      const args = { answers: page.answers(), saved: page.shared ? null : page.state, date: new Date().toISOString() };
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
      changed([fill(messages.imported, { name: file.name }), found.notice].filter(Boolean).join(" "));
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

  onClick("[data-cx-snapshot]", async () => {
    if (page.shared || !needEngine()) return;
    const { plan, snapshots } = page.state;
    ({ snapshots: page.state.snapshots } = await page.call("snapshot", { answers: page.collect(), plan, snapshots }));
    changed(messages.snapshot_saved);
  });

  onClick("[data-cx-reset]", () => {
    if (!window.confirm(messages.confirm_reset)) return;
    if (page.shared) endShared(page);
    page.apply({});
    page.state.plan = {};
    changed(messages.reset_done);
  });

  // in the result panel (rendered by the engine): the plan's owners and dates, deleting a snapshot, the chart file
  panel.addEventListener("change", (event) => {
    const field = event.target.closest("[data-cx-plan]");
    if (!field) return;
    const [area, key] = field.dataset.cxPlan.split(":");
    page.state.plan = { ...page.state.plan, [area]: { ...(page.state.plan || {})[area], [key]: field.value || null } };
    page.save();
  });
  panel.addEventListener("click", async (event) => {
    const remove = event.target.closest("[data-cx-snapshot-delete]");
    if (remove) {
      page.state.snapshots.splice(Number(remove.dataset.cxSnapshotDelete), 1);
      return changed(messages.snapshot_deleted);
    }
    if (event.target.closest("[data-cx-chart-download]") && needEngine()) {
      download((await page.call("chart", { answers: page.answers(), date: new Date().toISOString() })).file);
    }
  });
}
