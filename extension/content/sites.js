// Site adapters are data (extension/sites/*.json): a site change is a data change.
import x from '../sites/x.json';
import facebook from '../sites/facebook.json';
import linkedin from '../sites/linkedin.json';

export const SITES = [x, facebook, linkedin];

/** The built-in adapter for `hostname`, or null on an unsupported site. */
export function siteFor(hostname) {
  return SITES.find((site) => site.hosts.includes(hostname)) ?? null;
}

const LISTS = ['editors', 'submit', 'keyboardSubmit', 'keyboardSubmitOnlyIn'];

/**
 * Keeps the selectors the browser can parse on their own *and* in a list: Primum joins each list
 * with commas, and CSS closes an unclosed `[`, `(` or quote at the end of input, so `[a='b` parses
 * alone but would swallow the next selector. A selector passes when, followed by a newline and
 * `,primum-probe`, it still lets a probe element be found. A bad one from a policy or a stale
 * adapter must not break the page.
 */
function validSelectors(list) {
  const probe = document.createDocumentFragment();
  probe.append(document.createElement('primum-probe'));
  return list.filter((selector) => {
    if (typeof selector !== 'string' || selector.trim() === '') return false;
    try {
      return probe.querySelector(`${selector}\n,primum-probe`) != null;
    } catch {
      return false;
    }
  });
}

/**
 * `site` with every selector the browser cannot parse removed, and the removed ones listed: a
 * broken adapter entry must cost only that entry, never the page.
 */
export function validated(site) {
  const dropped = [];
  const keep = (list) => {
    const ok = validSelectors(list ?? []);
    dropped.push(...(list ?? []).filter((s) => !ok.includes(s)));
    return ok;
  };
  const checked = { ...site, editors: keep(site.editors), submit: keep(site.submit), posts: {} };
  if (site.keyboardSubmitOnlyIn) checked.keyboardSubmitOnlyIn = keep(site.keyboardSubmitOnlyIn);
  for (const [key, selector] of Object.entries(site.posts ?? {})) {
    if (keep([selector]).length === 1) checked.posts[key] = selector;
  }
  return { site: checked, dropped };
}

/**
 * Applies an institution's patched adapter (`siteAdapters.<id>` in managed storage) over the
 * built-in one, key by key; unusable entries are dropped and the built-in value stays.
 */
export function patchSite(site, patch) {
  if (!patch || typeof patch !== 'object') return site;
  const patched = { ...site };
  for (const key of LISTS) {
    if (!Array.isArray(patch[key])) continue;
    const list = key.startsWith('keyboard') ? patch[key].filter((k) => typeof k === 'string') : validSelectors(patch[key]);
    if (list.length > 0) patched[key] = list;
  }
  if (patch.posts && typeof patch.posts === 'object') {
    patched.posts = { ...site.posts };
    for (const [k, v] of Object.entries(patch.posts)) {
      if (k in site.posts && validSelectors([v]).length === 1) patched.posts[k] = v;
    }
  }
  return patched;
}
