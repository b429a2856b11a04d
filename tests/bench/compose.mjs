// Browser benchmark for the compose UI (not a test: it measures and prints).
//   node tests/bench/compose.mjs [--runs 30]
// Per site fixture, with the built extension in headless Chromium:
//  - input-to-highlight latency: from a keystroke to the overlay showing the verdict (median, p95),
//    and the same minus the 150 ms typing debounce;
//  - main-thread time per keystroke spent in Primum: V8's sampling profiler while typing N characters,
//    summing the samples whose function lives in the extension's content script, divided by N;
//  - JS heap added per tab (with vs without the extension);
//  - the wasm bundle size, raw and gzip.
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, DIST_CHROME, CHROMIUM } from '../e2e/lib/browser.mjs';
import { serveSite } from '../e2e/lib/fixtures.mjs';
import { percentile as pct } from './lib/stats.mjs';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 30;
const EDITORS = {
  x: '[data-testid="tweetTextarea_0"]',
  facebook: '[role="dialog"] [data-lexical-editor="true"]',
  linkedin: '.share-creation-state__text-editor .ql-editor',
};
const TYPED = 'Quick update from the ward: the new sepsis bundle is working well, thanks to everyone on nights. ';
const RISKY = ' Mr. Jones in bed 4 is back.';

async function metrics(page) {
  const cdp = await page.context().newCDPSession(page);
  return {
    async heap() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    },
  };
}

async function typingCost(context, id, withExtension) {
  const url = await serveSite(context, id);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(EDITORS[id]).click();
  if (withExtension) await page.waitForSelector('primum-overlay', { state: 'attached' });
  const m = await metrics(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.keyboard.type(TYPED, { delay: 20 });
  await page.waitForTimeout(400); // let the last debounced check land
  const { profile } = await cdp.send('Profiler.stop');
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith('chrome-extension://')).map((n) => n.id));
  let primumUs = 0;
  profile.samples.forEach((node, i) => {
    if (ours.has(node)) primumUs += profile.timeDeltas[i] ?? 0;
  });
  const heap = await m.heap();
  await page.close();
  return { primumMs: primumUs / 1000, heap };
}

async function latency(context, id) {
  const url = await serveSite(context, id);
  const page = await context.newPage();
  await page.goto(url);
  const editor = page.locator(EDITORS[id]);
  await editor.click();
  await page.waitForSelector('primum-overlay', { state: 'attached' });
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    await page.keyboard.type('Shift handover done.');
    await page.waitForFunction(() => document.querySelector('primum-overlay')?.getAttribute('data-verdict') === 'ok');
    await page.evaluate(() => {
      window.__t = new Promise((resolve) => {
        const o = document.querySelector('primum-overlay');
        new MutationObserver((_, obs) => {
          if (o.getAttribute('data-verdict') === 'stop') {
            obs.disconnect();
            resolve(performance.now() - window.__t0);
          }
        }).observe(o, { attributes: true });
      });
    });
    // One keystroke completes the risky text; time from that keystroke to the highlight.
    await page.keyboard.type(RISKY.slice(0, -1));
    await page.evaluate(() => {
      window.__t0 = performance.now();
    });
    await page.keyboard.type(RISKY.slice(-1));
    samples.push(await page.evaluate(() => window.__t));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
  }
  await page.close();
  return samples;
}

const wasm = readFileSync(join(DIST_CHROME, 'wasm', 'primum_wasm_bg.wasm'));
console.log(`wasm bundle: ${(wasm.length / 1024).toFixed(0)} KB raw, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzip`);
console.log(`runs per site: ${RUNS}; typed ${TYPED.length} characters for the main-thread figures\n`);
console.log('site      latency median  p95   (minus 150 ms debounce: median  p95)   main-thread/keystroke   heap added');

const primum = await launch();
const plain = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const plainContext = await plain.newContext();
try {
  for (const id of Object.keys(EDITORS)) {
    const samples = await latency(primum.context, id);
    const withExt = await typingCost(primum.context, id, true);
    const without = await typingCost(plainContext, id, false);
    const perKey = withExt.primumMs / TYPED.length;
    const heap = (withExt.heap - without.heap) / 1024;
    const med = pct(samples, 50);
    const p95 = pct(samples, 95);
    console.log(
      `${id.padEnd(9)} ${med.toFixed(1).padStart(8)} ms ${p95.toFixed(1).padStart(6)} ms` +
        `   ${(med - 150).toFixed(1).padStart(22)} ms ${(p95 - 150).toFixed(1).padStart(5)} ms` +
        `   ${perKey.toFixed(3).padStart(14)} ms ${heap.toFixed(0).padStart(12)} KB`,
    );
  }
} finally {
  await plain.close();
  await primum.close();
}
