// Launches Debian's Chromium headless with a built Primum extension loaded, and records, through
// Chromium's own network log, every request the extension initiates.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST_CHROME = join(ROOT, 'dist', 'chrome');
export const CHROMIUM = process.env.PRIMUM_CHROMIUM || '/usr/bin/chromium';

/**
 * Starts Chromium with `extensionDir` loaded. Returns the context, the extension's service
 * worker and id, and `close()` which returns `outside`: every request that left the browser's own
 * and the extension's files — refused by the catch-all route, or initiated by the extension in
 * Chromium's net log (read after shutdown).
 */
export async function launch({ extensionDir = DIST_CHROME } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no manifest.json: run \`make build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'primum-e2e-'));
  const netlog = join(dir, 'netlog.json');
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: false, // extensions need the new headless mode, passed explicitly below
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--log-net-log=${netlog}`,
    ],
  });
  // Anything not served by a test fixture is refused, so no test can reach the internet.
  const unrouted = [];
  await context.route(
    (url) => !url.protocol.startsWith('chrome'),
    (route) => {
      unrouted.push(route.request().url());
      return route.abort();
    },
  );
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) {
    worker = await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 15000,
    });
  }
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    const requests = extensionRequests(netlog, extensionId);
    rmSync(dir, { recursive: true, force: true });
    // Requests Playwright intercepted never reach the network stack, so the two lists together
    // cover every request: `unrouted` (anything no fixture serves) and the net log's.
    return { extensionRequests: requests, unrouted, outside: [...new Set([...unrouted, ...requests])] };
  };
  return { context, worker, extensionId, close };
}

/**
 * One browser for a spec file: launched before its tests (then `setup(browser)` runs, in the same
 * hook: Node 20 starts top-level `before` hooks together), closed after them with the privacy
 * assertion (no request left the browser). Returns the object `launch()` returns, filled in once
 * the hook ran.
 */
export function browserForFile({ setup, ...options } = {}) {
  const browser = {};
  before(async () => {
    Object.assign(browser, await launch(options));
    await setup?.(browser);
  });
  after(async () => {
    if (!browser.close) return;
    const { outside } = await browser.close();
    assert.deepEqual(outside, [], 'no request may leave the browser');
  });
  return browser;
}

/** URLs of requests initiated by the extension that are not its own chrome-extension:// files. */
export function extensionRequests(netlogPath, extensionId) {
  if (!existsSync(netlogPath)) throw new Error('Chromium wrote no net log; cannot prove the absence of requests');
  let text = readFileSync(netlogPath, 'utf8').trim();
  // A log cut short at shutdown lacks its closing brackets; the events are still complete lines.
  if (!text.endsWith('}')) text = text.replace(/,?\s*$/, '') + ']}';
  const log = JSON.parse(text);
  const ours = `chrome-extension://${extensionId}`;
  const urls = [];
  for (const event of log.events ?? []) {
    const p = event.params;
    if (!p || typeof p.url !== 'string') continue;
    if ((p.initiator === ours || p.initiator === `${ours}/`) && !p.url.startsWith(ours)) urls.push(p.url);
  }
  return [...new Set(urls)];
}

/**
 * A temporary copy of the built extension changed by `mutate(dir)` (a broken or patched build for
 * fail-open tests). Returns `{dir, remove()}`.
 */
export function distCopy(mutate) {
  const root = mkdtempSync(join(tmpdir(), 'primum-variant-'));
  const dir = join(root, 'chrome');
  cpSync(DIST_CHROME, dir, { recursive: true });
  mutate(dir);
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Records what `page` (every world in it, including the content script's) and the extension's
 * worker print: `{page: [{type, text}], worker: [{type, text}]}`, console messages and uncaught
 * exceptions alike. Attach before `page.goto`. The worker started with the browser, before anyone
 * could listen, so the extension is reloaded here and its new worker is recorded from its start.
 * `browser` is what `launch()` returned; its `worker` is updated to the new one.
 */
export async function recordConsole(browser, page) {
  const { context } = browser;
  const log = { page: [], worker: [] };
  const old = browser.worker;
  context.on('console', (m) => {
    if (m.worker() && m.worker() !== old) log.worker.push({ type: m.type(), text: m.text() });
  });
  const [fresh] = await Promise.all([
    context.waitForEvent('serviceworker', { predicate: (w) => w !== old && w.url().startsWith('chrome-extension://') }),
    old.evaluate(() => chrome.runtime.reload()).catch(() => {}), // the worker goes away mid-call
  ]);
  browser.worker = fresh;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Runtime.enable');
  const text = (args) => args.map((a) => a.value ?? a.description ?? '').join(' ');
  cdp.on('Runtime.consoleAPICalled', (e) => log.page.push({ type: e.type, text: text(e.args) }));
  cdp.on('Runtime.exceptionThrown', (e) =>
    log.page.push({ type: 'exception', text: e.exceptionDetails.exception?.description ?? e.exceptionDetails.text }),
  );
  return log;
}
