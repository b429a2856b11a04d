// The privacy proof. Three parts:
//  - the detector's control: a request the extension's worker makes *is* caught, so the
//    zero-requests assertions cannot pass vacuously;
//  - every extension surface exercised in one browser (content script on each site fixture, popup
//    with Check text and Check this page, options with export and import, the worker) and zero
//    requests leave it;
//  - the built manifests and files: only the `storage` permission, no host permission beyond the
//    supported sites, a CSP without remote code, and no network API in any built script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';
import { COMPOSE } from './lib/sites.mjs';
import { RISKY } from './lib/compose.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = { chrome: join(ROOT, 'dist', 'chrome'), firefox: join(ROOT, 'dist', 'firefox') };

test('a request from the extension worker is caught by the net-log detector', async () => {
  const browser = await launch();
  await browser.worker.evaluate(() => fetch('https://detector.invalid/ping').catch(() => 'refused'));
  const { outside } = await browser.close();
  assert.ok(
    outside.some((u) => u.startsWith('https://detector.invalid/')),
    `detector saw: ${JSON.stringify(outside)}`,
  );
});

test('every extension surface in use: no request leaves the browser', async () => {
  const browser = await launch();
  const { context, extensionId } = browser;
  try {
    // The content script on each supported site: a risky draft is checked and underlined.
    for (const [site, { editor }] of Object.entries(COMPOSE)) {
      const page = await context.newPage();
      await page.goto(await serveSite(context, site, site === 'x' ? { '/primumtester': 'x-profile' } : {}));
      await page.locator(editor).click();
      await page.keyboard.type(RISKY);
      await page.locator('primum-overlay[data-verdict="stop"]').waitFor({ state: 'attached' });
      await page.close();
    }

    // The popup: Check text, and Check this page on an X timeline.
    const timeline = await context.newPage();
    await timeline.goto('https://x.com/primumtester');
    await timeline.locator('article[data-testid="tweet"]').first().waitFor();
    await timeline.bringToFront();
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.locator('#draft').fill(RISKY);
    await popup.locator('#check').click();
    await popup.locator('#findings li').first().waitFor();
    await popup.locator('#audit').click();
    await popup.locator('#audit-results section').first().waitFor();

    // The options page: a change, an export (a download) and an import (a file).
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options/options.html`);
    await options.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    await options.locator('input[name="pauseAt"][value="warning"]').check();
    await options.locator('#saved').filter({ hasText: /./ }).waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('#export').click()]);
    const dir = mkdtempSync(join(tmpdir(), 'primum-privacy-'));
    const exported = join(dir, 'settings.json');
    await download.saveAs(exported);
    assert.equal(JSON.parse(readFileSync(exported, 'utf8')).settings.pauseAt, 'warning');
    writeFileSync(exported, JSON.stringify({ primumSettings: 1, settings: { pauseAt: 'critical' } }));
    await options.evaluate(() => {
      document.getElementById('saved').textContent = '';
    });
    await options.locator('#import').setInputFiles(exported);
    await options.locator('#saved').filter({ hasText: /./ }).waitFor();
    rmSync(dir, { recursive: true, force: true });

    // The worker itself: status and rules over the message protocol.
    const status = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
    assert.equal(status.type, 'status');
    assert.equal(status.policy.pauseAt, 'critical', 'the imported settings are in force');
  } finally {
    const { outside } = await browser.close();
    assert.deepEqual(outside, [], 'no request may leave the browser');
  }
});

/** Every file under `dir` whose name ends with one of `exts`. */
function files(dir, exts) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && exts.some((e) => d.name.endsWith(e)))
    .map((d) => join(d.parentPath ?? d.path, d.name));
}

/** The content-script match patterns of the supported sites, from the adapters (extension/sites/*.json). */
function supportedMatches() {
  const dir = join(ROOT, 'extension', 'sites');
  return new Set(
    readdirSync(dir).flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).hosts.map((h) => `https://${h}/*`)),
  );
}

for (const [browserName, dist] of Object.entries(DIST)) {
  test(`${browserName}: the built manifest asks for storage only, supported sites only, and forbids remote code`, () => {
    const m = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    assert.deepEqual(m.permissions, ['storage']);
    for (const key of ['optional_permissions', 'optional_host_permissions', 'externally_connectable', 'update_url']) {
      assert.equal(m[key], undefined, `${key} must be absent`);
    }
    const supported = supportedMatches();
    for (const pattern of m.host_permissions ?? []) assert.ok(supported.has(pattern), `host permission ${pattern}`);
    const matches = m.content_scripts.flatMap((c) => c.matches);
    assert.ok(matches.length > 0);
    for (const pattern of matches) assert.ok(supported.has(pattern), `content script match ${pattern}`);

    const csp = m.content_security_policy.extension_pages;
    const directives = Object.fromEntries(
      csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values];
      }),
    );
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
    for (const [name, values] of Object.entries(directives)) {
      for (const v of values) {
        assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'"].includes(v), `CSP ${name} allows ${v}: no remote or eval sources`);
      }
    }
    assert.equal(m.content_security_policy.sandbox, undefined);
  });

  test(`${browserName}: no built script has a network API, and the wasm is fetched from the extension only`, () => {
    const scripts = files(dist, ['.js', '.mjs']);
    assert.ok(scripts.some((f) => f.endsWith('content.js')) && scripts.some((f) => f.endsWith('loader.js')));
    const problems = [];
    let wasmLoads = 0;
    for (const file of scripts) {
      const name = relative(dist, file);
      const source = readFileSync(file, 'utf8');
      for (const api of ['XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'RTCPeerConnection']) {
        if (source.includes(api)) problems.push(`${name} uses ${api}`);
      }
      for (const m of source.matchAll(/\bfetch\s*\(([^)]*)\)/g)) {
        // wasm-bindgen's loaders (the checker's and the report page's) fetch the `module_or_path` their
        // caller gives them (checked below).
        const glue = [join('wasm', 'primum_wasm.js'), join('wasm', 'primum_audit.js')].includes(name);
        if (!(glue && m[1].trim() === 'module_or_path')) {
          problems.push(`${name}: fetch(${m[1]})`);
        }
      }
      // Every caller of the wasm loader passes an extension URL.
      for (const m of source.matchAll(/\binit\(\{\s*module_or_path:\s*([^}]*)\}\)/g)) {
        const arg = m[1].trim();
        wasmLoads++;
        const ours =
          /^ext\.runtime\.getURL\('wasm\/primum_wasm_bg\.wasm'\)$/.test(arg) ||
          /^new URL\('\.\.\/wasm\/primum_(?:wasm|audit)_bg\.wasm', import\.meta\.url\)$/.test(arg);
        if (!ours) problems.push(`${name}: the wasm is loaded from ${arg}`);
      }
    }
    assert.ok(wasmLoads >= 3, 'the worker, the popup and the report page load the wasm (the check above saw them)');
    // Each glue's default path is the wasm beside it, when a caller passes nothing.
    for (const module of ['primum_wasm', 'primum_audit']) {
      const glue = readFileSync(join(dist, 'wasm', `${module}.js`), 'utf8');
      assert.match(glue, new RegExp(`new URL\\('${module}_bg\\.wasm', import\\.meta\\.url\\)`));
    }
    for (const file of files(dist, ['.html'])) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(m[1])) problems.push(`${relative(dist, file)} loads ${m[1]}`);
      }
    }
    assert.deepEqual(problems, []);
  });
}
