// Side-by-side benchmark (not a test: it measures and prints). After `make build`:
//   node tests/bench/sidebyside.mjs [--runs 5] [--json out.json]     (--runs: rounds, default 5)
// The same texts for every tool, built here once from the development corpora tests/corpus/dev*.jsonl
// (never tests/corpus/blind/):
//   tweet     every post of at most 280 characters
//   linkedin  posts packed in corpus order, blank line between, into texts of at most 3,000 characters
// Tools: Primum's core natively and rustrict (crates/bench, release build), alex in Node
// (`alex.text()`), Primum's wasm from dist/chrome/wasm in headless Chromium (a cross-origin-isolated
// page, so performance.now() is precise to 5 µs rather than 100 µs).
// Each round runs every tool once (warm-up pass, then one timed pass per set); figures are medians
// over rounds. Throughput is given twice: by wall clock, and by the CPU time of the tool's process
// (this machine is shared; CPU time leaves out the time other processes held the core).
// Detection on tests/corpus/dev.jsonl: recall per category each tool covers and its false-alarm rate
// on the acceptable posts.
import { chromium } from 'playwright-core';
import { text as alexText } from 'alex';
import { execFileSync, execSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, DIST_CHROME } from '../e2e/lib/browser.mjs';
import { measure } from './lib/measure.mjs';
import { summarise } from './lib/stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, 'tests', 'corpus');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const RUNS = Number(arg('--runs') ?? 5);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('sidebyside: --runs takes a whole number of rounds, at least 1 (e.g. --runs 5)');
  process.exit(2);
}
const TWEET_MAX = 280;
const LINKEDIN_MAX = 3000;

const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const chars = (s) => [...s].length;
const utf8 = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

/** The two sets of texts every tool gets. */
function buildSets() {
  const files = readdirSync(CORPUS)
    .filter((f) => /^dev.*\.jsonl$/.test(f))
    .sort();
  const posts = files.flatMap((f) => readJsonl(join(CORPUS, f))).map((p) => p.text);
  const tweets = posts.filter((t) => chars(t) <= TWEET_MAX);
  const linkedin = [];
  let current = '';
  for (const t of posts.filter((t) => chars(t) <= LINKEDIN_MAX)) {
    const joined = current ? `${current}\n\n${t}` : t;
    if (chars(joined) > LINKEDIN_MAX) {
      linkedin.push(current);
      current = t;
    } else current = joined;
  }
  // The last, partly filled text is left out: it would not be LinkedIn-size.
  return {
    files,
    sets: { tweet: { platform: 'x', texts: tweets }, linkedin: { platform: 'linkedin', texts: linkedin } },
  };
}

/** Primum's core and rustrict, natively (crates/bench, built by the caller). */
function native(request) {
  const out = execFileSync(join(ROOT, 'target', 'release', 'primum-bench'), {
    input: JSON.stringify(request),
    maxBuffer: 1 << 30,
  });
  return JSON.parse(out);
}

/** alex in this Node process. Categories: retext-profanities → profanity, retext-equality → discrimination. */
function alex(request) {
  const t = performance.now();
  alexText(request.sets.tweet.texts[0]);
  const first_check = performance.now() - t;
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e3;
  };
  const { sets } = measure((text) => alexText(text), request.sets, request.runs, { cpuMs });
  const detect = request.detect.map((p) => {
    const sources = new Set(alexText(p.text).messages.map((m) => m.source));
    return [
      ...(sources.has('retext-profanities') ? ['profanity'] : []),
      ...(sources.has('retext-equality') ? ['discrimination'] : []),
    ];
  });
  return { cold: { first_check }, sets, detect };
}

/**
 * Primum's wasm (the built extension's glue and module) in headless Chromium: opens the page, builds
 * the checker (the cold figures) and returns `round(runs)`, which measures like the other tools.
 */
async function openWasm(request) {
  const dir = join(DIST_CHROME, 'wasm');
  if (!existsSync(join(dir, 'primum_wasm_bg.wasm'))) throw new Error(`${dir} has no wasm: run \`make build\` first`);
  const origin = 'https://bench.primum.invalid';
  const files = {
    '/': ['text/html', '<!doctype html><title>Primum wasm bench</title>'],
    '/primum_wasm.js': ['text/javascript', readFileSync(join(dir, 'primum_wasm.js'))],
    '/primum_wasm_bg.wasm': ['application/wasm', readFileSync(join(dir, 'primum_wasm_bg.wasm'))],
    '/measure.mjs': ['text/javascript', readFileSync(join(ROOT, 'tests', 'bench', 'lib', 'measure.mjs'))],
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    // Only the bench page's own files are served; anything else is refused (nothing leaves the machine).
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === origin && files[url.pathname];
      if (!file) return route.abort();
      // Cross-origin isolation: the page's timer is then precise to 5 µs instead of 100 µs.
      const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
      return route.fulfill({ status: 200, contentType: file[0], body: file[1], headers });
    });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    // The renderer's CPU time, per run, from Chromium's own metrics (the page has no CPU clock).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpuMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'ProcessTime').value * 1e3;
    };
    const cold = await page.evaluate(async (sets) => {
      if (!crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated; timings would be coarse');
      const ms = (t) => performance.now() - t;
      let t = performance.now();
      const mod = await import('/primum_wasm.js');
      await mod.default({ module_or_path: '/primum_wasm_bg.wasm' });
      const module_init = ms(t);
      t = performance.now();
      const checker = new mod.Checker(null);
      const construct = ms(t);
      t = performance.now();
      checker.check(sets.tweet.texts[0], { platform: sets.tweet.platform });
      const first_check = ms(t);
      const { measure } = await import('/measure.mjs');
      // One pass per call, so the CPU clock can be read between passes.
      window.pass = (name, warmup) =>
        measure((text, platform) => checker.check(text, { platform }), { [name]: sets[name] }, warmup ? 0 : 1, {
          warmup,
        }).sets[name];
      return { module_init, construct, first_check };
    }, request.sets);
    const round = async (runs) => {
      const sets = {};
      for (const name of Object.keys(request.sets)) {
        await page.evaluate((name) => window.pass(name, true), name);
        sets[name] = { wall_ms: [], cpu_ms: [], samples_us: [] };
        for (let r = 0; r < runs; r++) {
          const before = await cpuMs();
          const run = await page.evaluate((name) => window.pass(name, false), name);
          sets[name].cpu_ms.push((await cpuMs()) - before);
          sets[name].wall_ms.push(...run.wall_ms);
          sets[name].samples_us.push(...run.samples_us);
        }
      }
      return { cold, sets };
    };
    return { round, close: () => browser.close() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Recall on posts labeled `category` and false alarms on acceptable posts, from per-post flags. */
function detection(labeled, flags, category) {
  let hit = 0;
  let positives = 0;
  let alarms = 0;
  let acceptable = 0;
  labeled.forEach((post, i) => {
    const flagged = flags[i].includes(category);
    if (post.labels.includes(category)) {
      positives++;
      if (flagged) hit++;
    } else if (post.labels.every((l) => l === 'none')) {
      acceptable++;
      if (flagged) alarms++;
    }
  });
  return { recall: hit / positives, hit, positives, false_alarm: alarms / acceptable, alarms, acceptable };
}

const load = () => execSync('uptime').toString().trim().replace(/^.*load average:\s*/, '');
const fmt = (x, digits = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(digits));
const pctOf = (x) => `${(100 * x).toFixed(1)} %`;

const { files, sets } = buildSets();
const labeled = readJsonl(join(CORPUS, 'dev.jsonl'));
const request = {
  runs: RUNS,
  sets,
  detect: labeled.map(({ text, platform, lang }) => ({ text, platform, lang })),
};
const loadBefore = load();
console.log(`texts from ${files.join(', ')}; ${RUNS} rounds; load average before: ${loadBefore}`);
for (const [name, set] of Object.entries(sets)) {
  const lens = set.texts.map(chars);
  console.log(
    `  ${name}: ${set.texts.length} texts, ${utf8(set.texts)} bytes, ${Math.min(...lens)}–${Math.max(...lens)} chars`,
  );
}

// The tools take turns, one timed run each per round, so a burst of load from other processes on
// this shared machine falls on all of them rather than on whichever ran at the time.
execFileSync('cargo', ['build', '--release', '--quiet', '-p', 'primum-bench'], { cwd: ROOT, stdio: 'inherit' });
const results = {};
const add = (tool, r) => {
  if (!results[tool]) results[tool] = r; // cold figures and detection come from the first round
  else for (const [name, set] of Object.entries(r.sets)) for (const k in set) results[tool].sets[name][k].push(...set[k]);
};
const browser = await openWasm(request);
try {
  for (let r = 0; r < RUNS; r++) {
    const round = { ...request, runs: 1, detect: r === 0 ? request.detect : [] };
    const { primum, rustrict } = native(round);
    add('Primum (native)', primum);
    add('rustrict', rustrict);
    add('alex', alex(round));
    add('Primum (wasm, Chromium)', await browser.round(1));
    process.stderr.write(`  round ${r + 1}/${RUNS} done${r + 1 === RUNS ? '\n' : '\r'}`);
  }
} finally {
  await browser.close();
}
const loadAfter = load();

const summary = { load_before: loadBefore, load_after: loadAfter, runs: RUNS, tools: {}, detection: {} };
for (const [tool, r] of Object.entries(results)) {
  summary.tools[tool] = { cold_ms: r.cold };
  for (const [name, set] of Object.entries(sets)) summary.tools[tool][name] = summarise(r.sets[name], utf8(set.texts));
}

console.log(`\nthroughput (MB/s: by wall clock | by CPU time) and per-post latency (medians of ${RUNS} rounds)`);
console.log(
  `${'tool'.padEnd(26)}${'set'.padEnd(10)}${'wall MB/s'.padStart(10)}${'CPU MB/s'.padStart(10)}` +
    `${'median µs'.padStart(11)}${'p99 µs'.padStart(9)}`,
);
for (const [tool, s] of Object.entries(summary.tools)) {
  for (const name of Object.keys(sets)) {
    const x = s[name];
    console.log(
      `${tool.padEnd(26)}${name.padEnd(10)}${fmt(x.mb_per_s, 2).padStart(10)}${fmt(x.cpu_mb_per_s, 2).padStart(10)}` +
        `${fmt(x.median_us).padStart(11)}${fmt(x.p99_us).padStart(9)}`,
    );
  }
}
console.log('\none-time costs (ms)');
for (const [tool, s] of Object.entries(summary.tools)) {
  console.log(`  ${tool.padEnd(26)}${Object.entries(s.cold_ms).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')}`);
}

const T = summary.tools;
const goals = [
  ['Primum / alex', 'Primum (native)', 'alex', 20],
  ['Primum / rustrict', 'Primum (native)', 'rustrict', 1],
  ['wasm / native', 'Primum (wasm, Chromium)', 'Primum (native)', 0.5],
];
summary.ratios = {};
console.log('\nthroughput ratios (by wall clock | by CPU time) against the goal');
for (const [label, a, b, goal] of goals) {
  for (const name of Object.keys(sets)) {
    const wall = T[a][name].mb_per_s / T[b][name].mb_per_s;
    const cpu = T[a][name].cpu_mb_per_s / T[b][name].cpu_mb_per_s;
    summary.ratios[`${label} (${name})`] = { wall, cpu, goal };
    const want = goal >= 1 ? `≥ ${goal}×` : `≥ ${goal}× (within ${1 / goal}× of native)`;
    const verdict = (r) => (r >= goal ? 'met' : 'NOT met');
    console.log(
      `  ${`${label}, ${name}`.padEnd(28)}${`${fmt(wall, 2)}×`.padStart(8)} ${verdict(wall).padEnd(8)}|` +
        `${`${fmt(cpu, 2)}×`.padStart(8)} ${verdict(cpu).padEnd(8)}  goal ${want}`,
    );
  }
}

console.log(`\ndetection on tests/corpus/dev.jsonl (${labeled.length} posts): recall, false alarms on acceptable posts`);
const covered = [
  ['profanity', ['Primum (native)', 'rustrict', 'alex']],
  ['discrimination', ['Primum (native)', 'alex']],
];
for (const [category, tools] of covered) {
  for (const tool of tools) {
    const d = detection(labeled, results[tool].detect, category);
    summary.detection[`${tool} / ${category}`] = d;
    console.log(
      `  ${category.padEnd(16)}${tool.padEnd(18)} recall ${pctOf(d.recall).padStart(7)} (${d.hit}/${d.positives})` +
        `   false alarms ${pctOf(d.false_alarm).padStart(7)} (${d.alarms}/${d.acceptable})`,
    );
  }
}
console.log(`\nload average after: ${loadAfter}`);
const out = arg('--json');
if (out) writeFileSync(out, JSON.stringify(summary, null, 2));
