// The report page importing a generated 100,000-post X archive in headless Chromium with the
// built extension (not a test: it measures and prints). After `make build`:
//   node tests/bench/report.mjs [--posts 100000] [--runs 3]
// Per run: wall time from choosing the file to the report drawn, and the longest task on the
// page's main thread (PerformanceObserver 'longtask' reports every task over 50 ms; none means
// the longest was under 50 ms). Then `primum audit` on the same archive for comparison.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch } from '../e2e/lib/browser.mjs';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PRIMUM = join(ROOT, 'target', 'release', 'primum');
const dir = mkdtempSync(join(tmpdir(), 'primum-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const archive = join(dir, `x-${values.posts}.zip`);
spawnSync(PRIMUM, ['generate-archive', '--site', 'x', '--posts', values.posts, archive], { stdio: 'inherit' });
console.log(`archive: ${archive} (${(statSync(archive).size / 2 ** 20).toFixed(1)} MiB)`);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const browser = await launch();
const walls = [];
const longest = [];
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/report/report.html`);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration)))
        .observe({ type: 'longtask' });
      window.__progress = 0;
      // When the worker has read the file and starts checking (the status line changes).
      new MutationObserver(() => {
        if (!window.__opened && document.getElementById('progress').hasAttribute('value')) window.__opened = performance.now();
      }).observe(document.getElementById('progress-text'), { childList: true });
      // Counts progress updates the page drew, to show the bar moved while checking.
      new MutationObserver(() => window.__progress++).observe(document.getElementById('progress-text'), { childList: true });
    });
    const start = await page.evaluate(() => performance.now());
    await page.locator('#file').setInputFiles(archive);
    await page.locator('#posts > li').first().waitFor({ timeout: 600_000 });
    const r = await page.evaluate((t0) => ({ wall: performance.now() - t0, long: window.__long, updates: window.__progress,
      read: window.__opened - t0, summary: document.getElementById('summary').textContent }), start);
    // Control: a deliberate 80 ms task must be reported, or "no long task" would prove nothing.
    // (It runs from setTimeout: code run by page.evaluate itself is not a page task.)
    const control = await page.evaluate(async () => {
      const before = window.__long.length;
      setTimeout(() => {
        const end = performance.now() + 80;
        while (performance.now() < end);
      });
      await new Promise((r) => setTimeout(r, 300));
      return window.__long.length > before;
    });
    if (!control) throw new Error('the longtask observer missed an 80 ms task: the measurement is not valid');
    walls.push(r.wall);
    longest.push(Math.max(0, ...r.long));
    console.log(`run ${run + 1}: ${(r.wall / 1000).toFixed(2)} s wall (file read and parsed after ${(r.read / 1000).toFixed(2)} s), ${r.updates} progress updates, `
      + `long tasks: ${r.long.length ? r.long.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none (all under 50 ms)'}`);
    console.log(`  ${r.summary}`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`report page: median wall ${(median(walls) / 1000).toFixed(2)} s; longest main-thread task `
  + `${median(longest) ? `${median(longest).toFixed(0)} ms` : 'under 50 ms (no longtask entry)'} (median of ${walls.length})`);

const cli = [];
for (let run = 0; run < Number(values.runs); run++) {
  const t = performance.now();
  spawnSync(PRIMUM, ['audit', archive, '--format', 'json', '-o', '/dev/null']);
  cli.push(performance.now() - t);
}
console.log(`primum audit: ${cli.map((x) => (x / 1000).toFixed(2)).join(' ')} s, median ${(median(cli) / 1000).toFixed(2)} s`);
