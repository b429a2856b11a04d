// Long use in one tab: 500 editor re-renders (X's compose box unmounted and mounted again, a new
// editor DOM each time) with 20 keystrokes typed into each new editor — 10,000 keystrokes — and a
// check landing every tenth round. Event listeners (all worlds, via CDP), DOM nodes, Primum's
// observers (its diagnostic `data-observers`), its overlay nodes and the worker's wasm memory are
// measured after a warm-up and at the end (after a forced GC); growth must stay within fixed bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';

const EDITOR = '[data-testid="tweetTextarea_0"]';
const ROUNDS = 500;
const KEYS_PER_ROUND = 20;
const SNIPPET = 'Mr. Jones in bed 4 ';
// Fixed bounds on growth between the warm-up and the end of the run. The page-wide counters
// (listeners, nodes) move by a few with the editor's focus and GC timing; a leak of one listener
// or node per re-render would add 500 or more.
const BOUNDS = { listeners: 50, nodes: 500, windowListeners: 0, observers: 0, overlays: 0, overlayNodes: 50, wasmBytes: 1 << 20 };

const browser = browserForFile();

async function measure(page, cdp, extensionPage) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { jsEventListeners, nodes } = await cdp.send('Memory.getDOMCounters');
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  const overlay = await page.evaluate(() => {
    const hosts = [...document.querySelectorAll('primum-overlay')];
    return {
      overlays: hosts.length,
      overlayNodes: hosts.reduce((n, h) => n + h.shadowRoot.querySelectorAll('*').length, 0),
      observers: Number(hosts[0]?.getAttribute('data-observers')),
    };
  });
  const status = await extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
  return { listeners: jsEventListeners, nodes, windowListeners: listeners.length, ...overlay, wasmBytes: status.memory_bytes };
}

/** Remounts the editor, waits until Primum watches the new one, then types `keys` characters. */
async function round(page, cdp, keys, text) {
  await page.evaluate(() => window.__remount());
  await page.waitForFunction(() => {
    const editor = document.querySelector('[data-testid="tweetTextarea_0"]');
    editor.focus();
    return document.activeElement === editor;
  });
  const sends = [];
  for (const ch of text.slice(0, keys)) {
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch }));
  }
  await Promise.all(sends);
}

test('10,000 keystrokes and 500 editor re-renders: listeners, observers, overlay nodes and wasm memory stay bounded', async () => {
  const started = Date.now();
  const page = await browser.context.newPage();
  await page.goto(await serveSite(browser.context, 'x'));
  await page.locator(EDITOR).click();
  const cdp = await browser.context.newCDPSession(page);
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await page.bringToFront();
  const text = SNIPPET.repeat(Math.ceil(KEYS_PER_ROUND / SNIPPET.length) + 1);

  const checked = async () => {
    await page.waitForFunction(
      (want) => window.__editorText() === want && document.querySelector('primum-overlay')?.getAttribute('data-verdict') === 'stop',
      text.slice(0, KEYS_PER_ROUND),
    );
  };
  // Warm-up: the first rounds build the worker's checker and the page's caches.
  for (let i = 0; i < 10; i++) await round(page, cdp, KEYS_PER_ROUND, text);
  await checked();
  const start = await measure(page, cdp, extensionPage);

  for (let i = 0; i < ROUNDS; i++) {
    await round(page, cdp, KEYS_PER_ROUND, text);
    if (i % 10 === 9) await checked();
  }
  await checked();
  const end = await measure(page, cdp, extensionPage);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`long use: ${ROUNDS} re-renders, ${ROUNDS * KEYS_PER_ROUND} keystrokes in ${seconds} s`);
  console.log('            start        end    growth  bound');
  for (const key of Object.keys(BOUNDS)) {
    console.log(`${key.padEnd(16)}${String(start[key]).padStart(9)} ${String(end[key]).padStart(10)} ${String(end[key] - start[key]).padStart(9)}  ${BOUNDS[key]}`);
  }
  assert.equal(end.overlays, 1, 'one overlay: for the one editor on the page');
  assert.equal(end.observers, 3, "Primum's page-wide observers (2) and the one editor's");
  for (const [key, bound] of Object.entries(BOUNDS)) {
    assert.ok(end[key] - start[key] <= bound, `${key} grew by ${end[key] - start[key]} (bound ${bound})`);
  }
  await page.close();
  await extensionPage.close();
});
