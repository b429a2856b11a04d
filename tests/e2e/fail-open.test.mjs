// The fail-open matrix: for each way Primum can break — its wasm missing or corrupt, storage
// unavailable, a site adapter with selectors the browser cannot parse, a site whose Post button
// no longer matches the adapter — a risky draft on x.com is still posted exactly once, and the
// cause is logged once (in the page's console and in the worker's, where each sees it), never once
// per keystroke. Each row runs a temporary copy of the built extension, broken on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launch, distCopy, recordConsole } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';
import { RISKY } from './lib/compose.mjs';

const EDITOR = '[data-testid="tweetTextarea_0"]';
const SUBMIT = '[data-testid="tweetButtonInline"]';
const MORE = ' and again at midnight, same story every single night this week';
const X_EDITOR = `"[data-testid^='tweetTextarea_'][contenteditable='true']"`;
const X_SUBMIT = `"[data-testid='tweetButtonInline']"`;
// Unclosed: parses alone (CSS closes it at the end) but swallows the next selector in a list.
const UNCLOSED = `"[data-testid^='tweetTextarea_'"`;
const INVALID = `"div[[data-testid]"`; // no browser parses this

/** Replaces `from` (which must occur exactly once) in the built content script. */
function patchContent(dir, from, to) {
  const file = join(dir, 'content', 'content.js');
  const source = readFileSync(file, 'utf8');
  assert.equal(source.split(from).length, 2, `${from} occurs once in the built content script`);
  writeFileSync(file, source.replace(from, to));
}

// Test-only: every access to the storage API throws, as when the browser's storage is broken.
const NO_STORAGE = `for (const api of [globalThis.chrome, globalThis.browser].filter(Boolean)) {
  Object.defineProperty(api, 'storage', { configurable: true, get() { throw new Error('storage is unavailable (test)'); } });
}\n`;

/** Makes `chrome.storage` throw in the worker and in the content script. */
function breakStorage(dir) {
  writeFileSync(join(dir, 'no-storage.js'), NO_STORAGE);
  // Modules run in import order: the break first, then the real loader.
  writeFileSync(join(dir, 'background', 'entry.js'), "import '../no-storage.js';\nimport './loader.js';\n");
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.background.service_worker = 'background/entry.js';
  manifest.content_scripts[0].js.unshift('no-storage.js');
  writeFileSync(manifestFile, JSON.stringify(manifest));
}

// checks: whether Primum still checks (and pauses) under this failure; page/worker: the Primum
// lines expected in each console, matched by what they say.
const MATRIX = [
  {
    cause: 'wasm missing',
    mutate: (dir) => rmSync(join(dir, 'wasm', 'primum_wasm_bg.wasm')),
    checks: false,
    page: [/^Primum is not checking this page/],
    worker: [/^Primum: the checker could not start/],
  },
  {
    cause: 'wasm corrupt',
    mutate: (dir) => writeFileSync(join(dir, 'wasm', 'primum_wasm_bg.wasm'), Buffer.from('this is not wasm')),
    checks: false,
    page: [/^Primum is not checking this page/],
    worker: [/^Primum: the checker could not start/],
  },
  {
    cause: 'storage unavailable',
    mutate: breakStorage,
    checks: true, // the built-in defaults still apply
    page: [/^Primum could not read its settings storage/],
    worker: [/^Primum: settings storage is unavailable/],
  },
  {
    cause: 'adapter with an unclosed selector first in its editor and submit lists',
    mutate: (dir) => {
      patchContent(dir, X_EDITOR, `${UNCLOSED}, ${X_EDITOR}`);
      patchContent(dir, X_SUBMIT, `${UNCLOSED}, ${X_SUBMIT}`);
    },
    checks: true, // the remaining selectors still work
    page: [/^Primum ignores part of this site's adapter/],
    worker: [],
  },
  {
    cause: 'adapter whose only editor selector is unparsable',
    mutate: (dir) => patchContent(dir, X_EDITOR, INVALID),
    checks: false,
    page: [/^Primum ignores part of this site's adapter/],
    worker: [],
  },
  {
    cause: 'site DOM without the expected Post button',
    mutate: () => {},
    // The site renamed its button: the adapter's submit selectors match nothing.
    prepare: (page) => page.locator(SUBMIT).evaluate((b) => b.setAttribute('data-testid', 'postButtonRenamed')),
    submit: '[data-testid="postButtonRenamed"]',
    checks: true, // underlines still work; only the pause cannot
    pauses: false,
    page: [/^Primum found this compose box but not its Post button/],
    worker: [],
  },
];

const primumLines = (lines) => lines.filter((l) => /Primum/.test(l.text)).map((l) => l.text);

for (const row of MATRIX) {
  test(`fails open: ${row.cause}`, async () => {
    const variant = distCopy(row.mutate);
    const browser = await launch({ extensionDir: variant.dir });
    try {
      const page = await browser.context.newPage();
      const log = await recordConsole(browser, page);
      await page.goto(await serveSite(browser.context, 'x'));
      await page.locator(EDITOR).click();
      await row.prepare?.(page);
      await page.keyboard.type(RISKY);
      if (row.checks) {
        await page.locator('primum-overlay[data-verdict="stop"]').waitFor({ state: 'attached' });
      }
      if (row.page.length > 0) {
        await waitFor(() => primumLines(log.page).length >= row.page.length, 'the page logged the cause');
      }
      // More keystrokes, each followed by a check after the debounce: none may log again.
      await page.keyboard.type(MORE);
      await page.waitForTimeout(600); // > 150 ms debounce + a round trip: an absence is asserted below
      await page.locator(row.submit ?? SUBMIT).click();
      if (row.checks && row.pauses !== false) {
        const dialog = page.locator('primum-dialog');
        await dialog.locator('[data-action="post"]').click();
      }
      await page.waitForFunction(() => window.__posts.length > 0);
      await page.waitForTimeout(300); // a second, duplicate post would land within this
      assert.deepEqual(await page.evaluate(() => window.__posts), [RISKY + MORE], 'posted exactly once, intact');
      assert.equal(await page.locator('primum-dialog').count(), 0);
      assert.equal(await page.evaluate(() => window.__editorText()), '', 'the site cleared its editor as after any post');

      const pageLines = primumLines(log.page);
      const workerLines = primumLines(log.worker);
      assert.equal(pageLines.length, row.page.length, `page console: ${JSON.stringify(pageLines)}`);
      row.page.forEach((re, i) => assert.match(pageLines[i], re));
      assert.equal(workerLines.length, row.worker.length, `worker console: ${JSON.stringify(workerLines)}`);
      row.worker.forEach((re, i) => assert.match(workerLines[i], re));
      // Nothing else went wrong in the page (uncaught exceptions from any world, errors).
      const other = log.page.filter((l) => ['exception', 'error', 'warning'].includes(l.type) && !/Primum/.test(l.text));
      assert.deepEqual(other, []);
    } finally {
      await browser.close();
      variant.remove();
    }
  });
}

/** Polls `condition` (a cheap in-process check) until true; fails with `what` after 10 s. */
async function waitFor(condition, what) {
  const deadline = Date.now() + 10000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
