// Talking to the background and reading locale strings, both failing soft.
const ext = globalThis.browser ?? globalThis.chrome;

// What failed so far, by cause: each cause is logged once per page, never once per keystroke.
const logged = new Set();
const MESSAGES = {
  checker: 'Primum is not checking this page (the site works as without it):',
  storage: 'Primum could not read its settings storage; it uses the built-in site adapter:',
  adapter: "Primum ignores part of this site's adapter (the rest still works):",
  submit: "Primum found this compose box but not its Post button (the site may have changed); it underlines but cannot pause the post:",
  internal: 'Primum hit an error and stepped aside (the site works as without it):',
};

/** Logs the first failure of each `cause` only: a broken Primum must not flood the site's console. */
export function logOnce(error, cause = 'checker') {
  if (logged.has(cause)) return;
  logged.add(cause);
  console.warn(MESSAGES[cause] ?? MESSAGES.internal, error);
}

/**
 * Live observers of this content script, shown on each overlay host as `data-observers` so the
 * long-use test can prove they do not pile up (a number, no page data).
 */
export const diagnostics = { observers: 0 };

/** `fn` wrapped so that an exception in it is logged once and the site's event goes on untouched. */
export function safely(fn) {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      logOnce(error, 'internal');
      return undefined;
    }
  };
}

/** The locale string `key` with `subs`; the key itself when unavailable. */
export function t(key, ...subs) {
  try {
    return ext.i18n.getMessage(key, subs.map(String)) || key;
  } catch {
    return key;
  }
}

/** Sends `message` to the background; resolves to the reply, or null on failure or timeout. */
export function ask(message, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    try {
      Promise.resolve(ext.runtime.sendMessage(message)).then(
        (reply) => {
          clearTimeout(timer);
          if (!reply || reply.type === 'error') {
            logOnce(reply ? reply.message : 'no reply');
            resolve(null);
          } else resolve(reply);
        },
        (error) => {
          clearTimeout(timer);
          logOnce(error);
          resolve(null);
        },
      );
    } catch (error) {
      clearTimeout(timer);
      logOnce(error);
      resolve(null);
    }
  });
}

const RANK = { info: 0, warning: 1, critical: 2 };
/** Whether a finding of `severity` reaches `threshold` (both `info|warning|critical`). */
export function reaches(severity, threshold) {
  return threshold != null && RANK[severity] >= RANK[threshold];
}
