// Site adapters are data (extension/sites/*.json): a site change is a data change.
import x from '../sites/x.json';
import facebook from '../sites/facebook.json';
import linkedin from '../sites/linkedin.json';

export const SITES = [x, facebook, linkedin];

/** The adapter for `hostname`, or null on an unsupported site. */
export function siteFor(hostname) {
  return SITES.find((site) => site.hosts.includes(hostname)) ?? null;
}
