// localStorage, namespaced by the site's path: raw entries in and out, and "forget everything".
// What an entry means is the engine's business: it reads every saved entry back (the restore request).
export const siteRoot = new URL("../../../", import.meta.url); // this file is assets/javascripts/cx/storage.mjs
const PREFIX = `cx-playbook:${siteRoot.pathname}`;

/** The key of a checklist's entry (and of what belongs to it, with a suffix). */
export const keyOf = (id, suffix = "") => `${PREFIX}:${id}${suffix}`;

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

/** The text saved under `key`, or null. */
export function readText(store, key) {
  try {
    return store ? store.getItem(key) : null;
  } catch {
    return null;
  }
}

/** Saved text as data, or null when there is none or it is not JSON. */
export function parsed(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Save `value` (as JSON, or a text as it is with `raw`) under `key`; false when storage is full or gone. */
export function write(store, key, value, { raw = false } = {}) {
  try {
    store.setItem(key, raw ? value : JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Remove `key` (nothing happens where there is no storage). */
export function remove(store, key) {
  try {
    store?.removeItem(key);
  } catch {
    // storage gone: nothing to remove
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
