// The size budgets of the built extension (issue 7), checked by `make test`: a change that makes
// the checker's wasm heavier than 400 KB gzip fails the build until it is trimmed or the budget
// is argued up here. Sizes are gzip -9, as a store or a cache would serve them.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const budgets = [
  // Loaded by the background worker that every tab's content script talks to.
  { file: 'dist/chrome/wasm/primum_wasm_bg.wasm', what: 'checker wasm', max: 400 * KB },
  // Injected into every X, Facebook and LinkedIn page.
  { file: 'dist/chrome/content/content.js', what: 'content script', max: 40 * KB },
  // Loaded only by the report page (archive import): the checker plus the zip and CSV parsers,
  // optimised for speed (opt-level 3) because it checks a whole archive at once.
  { file: 'dist/chrome/wasm/primum_audit_bg.wasm', what: 'report-page wasm', max: 640 * KB },
];

let failed = false;
for (const { file, what, max } of budgets) {
  if (!existsSync(file)) {
    console.error(`budget: ${file} is missing; run \`make build\` first`);
    failed = true;
    continue;
  }
  const size = gzipSync(readFileSync(file), { level: 9 }).length;
  const ok = size <= max;
  failed ||= !ok;
  const line = `${what.padEnd(17)} ${(size / KB).toFixed(1).padStart(6)} KB gzip  (budget ${max / KB} KB)  ${file}`;
  (ok ? console.log : console.error)(`budget: ${ok ? 'ok  ' : 'OVER'} ${line}`);
}
if (failed) {
  console.error('budget: over budget — see docs/performance.md ("Bundle") for where the bytes go and how to trim them');
  process.exit(1);
}
