// Launches Debian's Chromium headless with a built Primum extension loaded, and records, through
// Chromium's own network log, every request the extension initiates.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
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
