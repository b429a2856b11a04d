// Browser benchmark for the content script's start on page load (issue 7: "content-script start
// ≤ 20 ms on page load"). Not a test: it measures and prints.
//   node tests/bench/startup.mjs [--runs 10] [--verbose: every load's figures too]
// Per site fixture (served at the real origin with the site's CSP), with the built extension in
// headless Chromium, `--runs` page loads, each in a fresh tab:
//  - V8's sampling profiler (100 µs interval) runs from before the navigation until Primum is ready;
//    the main-thread time of the content script is the time of the samples whose stack holds a frame
//    of `chrome-extension://<id>/content/content.js` (each sample lasting until the next one), so
//    DOM calls, layout and garbage collection it forces while on the stack count, work it causes
//    later outside its own frames (the site's style recalc for the overlay host, the compile of the
//    script before its first line runs) does not. Second figure: the number of those samples times
//    the profile's median gap between samples, which a single long gap (the thread descheduled on a
//    loaded machine, charged whole to the sample before it) does not inflate;
//  - "ready": the content script has found the editor and appended its `<primum-overlay>` host, and
//    the overlay has drawn its first verdict (the host gets `data-observers`, set in Overlay.draw only,
//    after the first check came back from the worker); both timed from navigation start
//    (performance.now() in the page's main world, by a MutationObserver installed before the page).
import { launch } from '../e2e/lib/browser.mjs';
import { serveSite } from '../e2e/lib/fixtures.mjs';
import { loadavg } from 'node:os';
import { median } from './lib/stats.mjs';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const SITES = ['x', 'facebook', 'linkedin'];
const SAMPLING_US = 100;

/** Runs in the page's main world before any of its scripts: timestamps of the overlay's arrival. */
function recordReady() {
  const marks = (window.__primumStartup = { attached: null, drawn: null });
  const watchHost = (host) => {
    const drawn = () => {
      if (!host.hasAttribute('data-observers')) return false;
      marks.drawn = performance.now();
      return true;
    };
    if (drawn()) return;
    const mo = new MutationObserver(() => drawn() && mo.disconnect());
    mo.observe(host, { attributes: true, attributeFilter: ['data-observers'] });
  };
  const watchRoot = (root) => {
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node.nodeName === 'PRIMUM-OVERLAY') {
            marks.attached = performance.now();
            mo.disconnect();
            watchHost(node);
            return;
          }
        }
      }
    });
    mo.observe(root, { childList: true }); // the overlay host is a child of <html>
  };
  if (document.documentElement) watchRoot(document.documentElement);
  else {
    const mo = new MutationObserver(() => {
      if (!document.documentElement) return;
      mo.disconnect();
      watchRoot(document.documentElement);
    });
    mo.observe(document, { childList: true });
  }
}

/** Milliseconds of samples whose stack contains a frame of `scriptUrl`, and their count. */
function scriptTime(profile, scriptUrl) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const ours = (id) => {
    if (memo.has(id)) return memo.get(id);
    const p = parent.get(id);
    const v = byId.get(id).callFrame.url === scriptUrl || (p !== undefined && ours(p));
    memo.set(id, v);
    return v;
  };
  // timeDeltas[i] is the gap before sample i; a sample stands for the time until the next one.
  const times = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const gaps = times.slice(1).map((x, i) => x - times[i]);
  let us = 0;
  let samples = 0;
  profile.samples.forEach((node, i) => {
    if (!ours(node)) return;
    samples++;
    us += (i + 1 < times.length ? times[i + 1] : profile.endTime) - times[i];
  });
  // A long gap between two samples (the renderer's thread was descheduled: a loaded machine) is all
  // charged to the sample before it; the count times the profile's typical gap is not.
  const byCount = (samples * median(gaps)) / 1000;
  return { ms: us / 1000, byCount, samples, total: profile.samples.length, gap: median(gaps) };
}

async function load(context, url, scriptUrl) {
  const page = await context.newPage();
  await page.addInitScript(recordReady);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(() => window.__primumStartup?.drawn != null, null, { timeout: 20000, polling: 10 });
  const { profile } = await cdp.send('Profiler.stop');
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { ...window.__primumStartup, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
  const other = [...new Set(profile.nodes.map((n) => n.callFrame.url).filter((u) => u.startsWith('chrome-extension://') && u !== scriptUrl))];
  await cdp.detach();
  await page.close();
  return { ...scriptTime(profile, scriptUrl), ...marks, other };
}

const fmt = (xs) => `${median(xs).toFixed(1).padStart(6)} / ${Math.max(...xs).toFixed(1).padStart(6)}`;

const browser = await launch();
const scriptUrl = `chrome-extension://${browser.extensionId}/content/content.js`;
console.log(`${RUNS} page loads per site, each in a fresh tab; sampling interval ${SAMPLING_US} µs requested; figures: median / max`);
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
console.log(
  'site       content script ms: by sample time   by count × gap   its samples   median gap µs' +
    '   nav → overlay attached ms   nav → first verdict drawn ms   DOMContentLoaded ms',
);
const all = {};
try {
  for (const id of SITES) {
    const url = await serveSite(browser.context, id);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await load(browser.context, url, scriptUrl));
    all[id] = runs;
    const col = (k) => runs.map((r) => r[k]);
    console.log(
      `${id.padEnd(9)}  ${fmt(col('ms')).padStart(33)}   ${fmt(col('byCount')).padStart(14)}` +
        `   ${String(median(col('samples'))).padStart(11)}   ${median(col('gap')).toFixed(0).padStart(13)}` +
        `   ${fmt(col('attached')).padStart(25)}   ${fmt(col('drawn')).padStart(28)}   ${fmt(col('dcl')).padStart(19)}`,
    );
    const other = [...new Set(runs.flatMap((r) => r.other))];
    if (other.length) console.log(`           (other extension frames seen, not counted: ${other.join(', ')})`);
  }
  if (process.argv.includes('--verbose')) {
    for (const [id, runs] of Object.entries(all)) {
      console.log(`\n${id}: per load ms`, runs.map((r) => r.ms.toFixed(2)).join(' '));
      console.log(`${id}: per load ms by count`, runs.map((r) => r.byCount.toFixed(2)).join(' '));
      console.log(`${id}: samples in window`, runs.map((r) => r.total).join(' '));
    }
  }
} finally {
  await browser.close();
}
console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
