// Every UI string comes from _locales; elements name their message with data-i18n.
const ext = globalThis.browser ?? globalThis.chrome;

/** The message `key`, with `subs` filled in; the key itself if missing. */
export function t(key, ...subs) {
  try {
    return ext.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

/** Fills every [data-i18n] element's text and sets the document language. */
export function localize(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  try {
    root.documentElement.lang = ext.i18n.getUILanguage();
  } catch {
    /* keep the default */
  }
}
