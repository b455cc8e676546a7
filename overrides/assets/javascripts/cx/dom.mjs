// Small page helpers the other modules share: message templates and file downloads.

/** Fill `{name}` placeholders of a catalogue message (text only: callers insert it with textContent). */
export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

/** Offer a file the engine made ({name, text, type}) as a download. */
export function download({ name, text, type }) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The JSON payload the build put next to a form or the team view. */
export const payload = (selector) => JSON.parse(document.querySelector(selector).textContent);
