// The playbook's service worker, for a workshop with bad Wi-Fi. The build writes it to the site root
// as cx-sw.js, preceded by `const CX = {version, precache, immutable}` (overrides/hooks/offline.py).
// Versioned paths (Pyodide, the engine wheel, Material's hashed bundles) are served cache-first;
// everything else network-first, so an online reader always gets the current deploy.
/* global CX */
const RUNTIME = `cx-runtime-${CX.version}`;
const IMMUTABLE = "cx-immutable";

const scopeURL = new URL(self.registration.scope);
const isImmutable = (url) => CX.immutable.some((prefix) => url.pathname.startsWith(scopeURL.pathname + prefix));

// Precache the shell, the checklist pages, Pyodide and the engine (mostly already in the HTTP cache).
self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const urls = CX.precache.map((path) => new URL(path, scopeURL).href);
      const runtime = await caches.open(RUNTIME);
      const immutable = await caches.open(IMMUTABLE);
      for (const url of urls) {
        const cache = isImmutable(new URL(url)) ? immutable : runtime;
        if (!(await cache.match(url))) await cache.add(url);
      }
      await self.skipWaiting();
    })(),
  );
});

// A new deploy: drop older runtime caches and immutable entries this build no longer uses.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("cx-runtime-") && name !== RUNTIME) await caches.delete(name);
      }
      const immutable = await caches.open(IMMUTABLE);
      for (const request of await immutable.keys()) {
        if (!isImmutable(new URL(request.url))) await immutable.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});

async function cacheFirst(request) {
  const cache = await caches.open(IMMUTABLE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    if (request.mode === "navigate") {
      const fallback = await cache.match(new URL("404.html", scopeURL).href);
      if (fallback) return fallback;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== scopeURL.origin || !url.pathname.startsWith(scopeURL.pathname)) {
    return;
  }
  event.respondWith(isImmutable(url) ? cacheFirst(event.request) : networkFirst(event.request));
});
