// localStorage, namespaced by the site's path: raw entries in and out, and "forget everything".
export const siteRoot = new URL("../../../", import.meta.url); // this file is assets/javascripts/cx/storage.mjs
const PREFIX = `cx-playbook:${siteRoot.pathname}`;
const SCHEMA = 1;

/** The key of a checklist's entry. */
export const keyOf = (id) => `${PREFIX}:${id}`;

/** localStorage, or null where the browser refuses it (private mode, disabled storage). */
export function openStorage() {
  try {
    const store = window.localStorage;
    store.setItem(`${PREFIX}:probe`, "1");
    store.removeItem(`${PREFIX}:probe`);
    return store;
  } catch {
    return null;
  }
}

/** The saved entry under `key`, null when there is none, or {corrupt: true} when it cannot be read. */
export function readEntry(store, key) {
  let raw;
  try {
    raw = store && store.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw);
    const answers = entry && entry.answers;
    if (entry.schema !== SCHEMA || !answers || typeof answers !== "object" || Array.isArray(answers)) {
      return { corrupt: true };
    }
    if (!Array.isArray(entry.snapshots)) entry.snapshots = [];
    entry.snapshots = entry.snapshots.filter((s) => s && typeof s.answers === "object" && typeof s.date === "string");
    return entry;
  } catch {
    return { corrupt: true };
  }
}

/** Save `entry` under `key`; false when the browser's storage is full or gone. */
export function writeEntry(store, key, entry) {
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify({ schema: SCHEMA, ...entry }));
    return true;
  } catch {
    return false;
  }
}

/** Remove this site's keys and Material's own preferences (stored under the site's path and "."). */
export function forgetAll() {
  const ours = (key) => key.startsWith(`${PREFIX}:`) || key.startsWith(`${siteRoot.pathname}.`);
  let removed = 0;
  for (const store of [openStorage(), window.sessionStorage]) {
    const keys = [];
    for (let i = 0; store && i < store.length; i++) if (ours(store.key(i))) keys.push(store.key(i));
    for (const key of keys) store.removeItem(key);
    removed += keys.length;
  }
  return removed;
}
