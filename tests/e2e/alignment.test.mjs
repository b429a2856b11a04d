// Highlights stay on the flagged words with right-to-left text, zero-width characters inside a
// flagged word and combining accents, in each site's real editor. The expected underline comes
// from outside Primum: the native core's UTF-16 offsets (the CLI) applied as a DOM Range to the
// editor's own text node; Primum's overlay draws from the wasm core in the worker through its own
// text reading and offset mapping. Each underline must sit on the bottom edge of the Range's
// rectangle, with the same left and right edges (within 1 px).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';
import { COMPOSE } from './lib/sites.mjs';
import { cliReport } from './lib/compose.mjs';

const DRAFTS = {
  arabic: 'مريضي Mr. Jones in bed 4 اليوم',
  hebrew: 'המטופל Mr. Jones in bed 4 היום',
  'zero-width spaces in a flagged word': 'what a f\u200bu\u200bc\u200bk\u200bi\u200bn\u200bg night',
  'zero-width joiner in a flagged word': 'this f\u200dcking shift',
  'combining acute accent': 'Mr. Jone\u0301s in bed 4 again',
  'combining diaeresis': 'Mrs. Zoe\u0308 Smith in bed 4',
};

const browser = browserForFile();

/**
 * In the page: whether the expected underlines (from `spans` as a Range on the editor's text
 * node) and the overlay's drawn ones agree; with `explain`, both lists too.
 */
function compare({ selector, draft, spans, explain }) {
  const editor = document.querySelector(selector);
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data === draft) nodes.push(n);
  if (nodes.length !== 1) return explain ? { why: `the draft is in ${nodes.length} text nodes` } : false;
  const expected = [];
  for (const [start, end] of spans) {
    const range = document.createRange();
    range.setStart(nodes[0], start);
    range.setEnd(nodes[0], end);
    for (const r of range.getClientRects()) {
      if (r.width > 0) expected.push({ left: r.left, top: r.bottom - 1, width: r.width });
    }
  }
  const overlay = document.querySelector('primum-overlay');
  const drawn = [...overlay.shadowRoot.querySelectorAll('.line')].map((l) => ({
    left: parseFloat(l.style.left),
    top: parseFloat(l.style.top),
    width: parseFloat(l.style.width),
  }));
  const near = (a, b) => Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.width - b.width) < 1;
  const ok = expected.length > 0 && expected.length === drawn.length && expected.every((e) => drawn.some((d) => near(e, d)));
  return explain ? { ok, expected, drawn } : ok;
}

for (const [site, { editor: selector }] of Object.entries(COMPOSE)) {
  test(`${site}: underlines stay aligned with RTL, zero-width and combining characters`, async () => {
    const page = await browser.context.newPage();
    await page.goto(await serveSite(browser.context, site));
    await page.locator(selector).click();
    for (const [name, draft] of Object.entries(DRAFTS)) {
      const report = cliReport(draft);
      assert.ok(report.findings.length > 0, `${name}: the core flags "${draft}"`);
      const spans = report.findings.flatMap((f) => f.spans.map((s) => [s.start_utf16, s.end_utf16]));
      await page.keyboard.insertText(draft);
      const args = { selector, draft, spans };
      try {
        await page.waitForFunction(compare, args, { timeout: 10000 });
      } catch {
        assert.fail(`${site}, ${name}: ${JSON.stringify(await page.evaluate(compare, { ...args, explain: true }))}`);
      }
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.waitForFunction(() => document.querySelector('primum-overlay')?.getAttribute('data-verdict') === 'ok');
    }
    await page.close();
  });
}
