// The core flow in Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (no driver, no download):
// answer, read the score, reload and find the answers kept, open a share link. Prints what the page showed as
// JSON; tests/browser/test_other_browsers.py compares it with the native engine.
// Usage: node firefox_flow.mjs <checklist page URL> <answers JSON> <profile dir>
import { readFileSync } from "node:fs";
import puppeteer from "puppeteer-core";

const [url, answersJSON, profile] = process.argv.slice(2);
const PROBES = readFileSync(new URL("probes.js", import.meta.url), "utf8"); // shared with the other drivers
const probe = (call) => `(${PROBES}).${call}`;
const TIMEOUT = 180_000;

// Quiet profile: no updates, telemetry, safe-browsing lists or captive-portal checks on a closed network.
const prefs = {
  "app.update.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "extensions.update.enabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "toolkit.telemetry.enabled": false,
};

async function ready(page) {
  await page.waitForSelector("form[data-cx-engine-state=ready]", { timeout: TIMEOUT });
  await page.waitForFunction(probe("renders() > 0"), { timeout: TIMEOUT });
}

async function answer(page, set) {
  const before = await page.evaluate(probe("renders()"));
  await page.evaluate(probe(`answer(${JSON.stringify(set)})`));
  await page.waitForFunction(probe(`renders() > ${before}`), { timeout: TIMEOUT });
}

const browser = await puppeteer.launch({
  browser: "firefox",
  protocol: "webDriverBiDi",
  executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
  headless: true,
  userDataDir: profile,
  extraPrefsFirefox: prefs,
});
const report = { errors: [] };
const watch = (page) => {
  page.on("pageerror", (error) => report.errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && report.errors.push(message.text()));
};
try {
  const page = await browser.newPage();
  watch(page);
  await page.goto(url);
  await ready(page);
  await answer(page, JSON.parse(answersJSON));
  report.scored = await page.evaluate(probe("shown()"));

  await page.reload();
  await ready(page);
  report.kept = await page.evaluate(probe(`holds(${answersJSON})`));
  report.reloaded = await page.evaluate(probe("shown()"));

  await page.click("[data-cx-share]");
  await page.waitForFunction('document.querySelector("[data-cx-share-url]").value !== ""', { timeout: TIMEOUT });
  const link = await page.$eval("[data-cx-share-url]", (field) => field.value);
  const other = await browser.newPage();
  watch(other);
  await other.goto(link);
  await ready(other);
  await other.waitForSelector("[data-cx-shared]:not([hidden])", { timeout: TIMEOUT });
  report.shared = await other.evaluate(probe("shown()"));
  report.sharedReadOnly = await other.evaluate('document.querySelector("[data-cx-answers]").disabled');
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
