// The built wasm module outside the browser (not a test: it measures and prints).
//   node tests/bench/wasm.mjs      (after `make build`)
// Module init; the first Checker (builds the rules and the word-list automaton once per module) and its
// first check; a second Checker (a settings rebuild: rules already built); a Background (what the
// extension's worker holds), its rebuild, and the median and mean time of a tweet-length check over
// 200 runs.
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './lib/stats.mjs';

const WASM = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'dist', 'chrome', 'wasm');
const mod = await import(pathToFileURL(join(WASM, 'primum_wasm.js')).href);
const TWEET = 'Long night in the ED. The 45yo in bed 4 with chest pain turned out to be a PE, caught it early '
  + 'thanks to a sharp nurse. Reminder to everyone: listen to your nurses, and get your flu shot! #MedTwitter';

const time = (label, f) => {
  const t = performance.now();
  const r = f();
  console.log(`${label.padEnd(28)} ${(performance.now() - t).toFixed(2)} ms`);
  return r;
};
const t0 = performance.now();
await mod.default({ module_or_path: readFileSync(join(WASM, 'primum_wasm_bg.wasm')) });
console.log(`${'module init'.padEnd(28)} ${(performance.now() - t0).toFixed(2)} ms`);
const checker = time('first new Checker()', () => new mod.Checker(null));
time('first check', () => checker.check(TWEET, { platform: 'x' }));
time('second new Checker()', () => new mod.Checker(null));
const bg = time('new Background()', () => new mod.Background());
time('configure (rebuild)', () => bg.configure(null, null));
time('first Background check', () => bg.handle({ type: 'check', seq: 1, text: TWEET, context: {} }));
const n = 200;
const samples = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  bg.handle({ type: 'check', seq: i, text: TWEET, context: {} });
  samples.push(performance.now() - t);
}
const mean = samples.reduce((a, b) => a + b, 0) / n;
// The median too: on a busy machine a few preempted calls dominate the mean.
console.log(`${'check, 200 runs'.padEnd(28)} median ${median(samples).toFixed(3)} ms, mean ${mean.toFixed(3)} ms`);
