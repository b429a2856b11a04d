// Talking to the background and reading locale strings, both failing soft.
const ext = globalThis.browser ?? globalThis.chrome;

let logged = false;
/** Logs the first failure only: a broken Primum must not flood the site's console. */
export function logOnce(error) {
  if (logged) return;
  logged = true;
  console.warn('Primum is not checking this page (the site works as without it):', error);
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
