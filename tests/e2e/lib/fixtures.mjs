// Builds the fixture pages' scripts (real editor libraries from npm, bundled by esbuild) and
// serves them at the real site origins with each site's CSP header, through Playwright routing.
import { build } from 'esbuild';
import { existsSync, readFileSync, statSync, mkdirSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITES } from './sites.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '..', 'fixtures');
const CACHE = join(HERE, '..', '.cache');
const ROOT = join(HERE, '..', '..', '..');

function newest(dir) {
  return Math.max(...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));
}

/** Bundles fixtures/src/<name>.jsx to .cache/<name>.js when stale. */
export async function buildFixture(name) {
  mkdirSync(CACHE, { recursive: true });
  const out = join(CACHE, `${name}.js`);
  if (existsSync(out) && statSync(out).mtimeMs > newest(join(FIXTURES, 'src'))) return out;
  await build({
    entryPoints: [join(FIXTURES, 'src', `${name}.jsx`)],
    bundle: true,
    format: 'iife',
    outfile: out,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'warning',
  });
  return out;
}

const STATIC = {
  'draft.css': join(ROOT, 'node_modules', 'draft-js', 'dist', 'Draft.css'),
  'quill.css': join(ROOT, 'node_modules', 'quill', 'dist', 'quill.core.css'),
};

/**
 * Serves site `id`'s fixture at its real origin. Every path gets the fixture page (an SPA, like
 * the real sites) with the site's CSP — or, for paths listed in `pages` (`{'/path': 'fixture'}`),
 * that fixture; `/__fixtures/*` serves scripts and styles. Returns the compose page's URL.
 */
export async function serveSite(context, id, pages = {}) {
  const site = SITES[id];
  const fixtures = [site.fixture, ...Object.values(pages)];
  const scripts = Object.fromEntries(await Promise.all(fixtures.map(async (f) => [`${f}.js`, await buildFixture(f)])));
  const html = Object.fromEntries(fixtures.map((f) => [f, readFileSync(join(FIXTURES, `${f}.html`), 'utf8')]));
  await context.route(`${site.origin}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/__fixtures/')) {
      const file = url.pathname.slice('/__fixtures/'.length);
      if (scripts[file]) {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(scripts[file]) });
      }
      if (STATIC[file]) return route.fulfill({ status: 200, contentType: 'text/css', body: readFileSync(STATIC[file]) });
      return route.fulfill({ status: 404, body: '' });
    }
    const path = Object.keys(pages).find((p) => url.pathname.startsWith(p));
    return route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': site.csp },
      body: html[path ? pages[path] : site.fixture],
    });
  });
  return `${site.origin}${site.composePath}`;
}
