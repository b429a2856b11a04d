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

/** Keeps the selectors the browser can parse; a bad one from a policy must not break the page. */
function validSelectors(list) {
  return list.filter((selector) => {
    if (typeof selector !== 'string') return false;
    try {
      document.createDocumentFragment().querySelector(selector);
      return true;
    } catch {
      return false;
    }
  });
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
