// One compose-box spec, run per site (x, facebook, linkedin) against the built extension in real
// Chromium, on a fixture built with the site's real editor library, at the site's real origin,
// under its CSP. Text is typed with keyboard events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launch, distCopy, CHROMIUM } from './browser.mjs';
import { serveSite } from './fixtures.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
export const RISKY = 'Mr. Jones in bed 4 pulled out his IV again tonight';
export const GOOD = 'Grand rounds on sepsis bundles at noon, all welcome';

/** The report of the CLI (the same core, natively) for `text`; exit code 1 just means "findings". */
export function cliReport(text) {
  const run = spawnSync(join(ROOT, 'target', 'release', 'primum'), ['check', '--json', text], { encoding: 'utf8' });
  return JSON.parse(run.stdout);
}

/** What the CLI says the text becomes after the first fix. */
function expectedAfterFirstFix(text) {
  const report = cliReport(text);
  const finding = report.findings.find((f) => f.fix);
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  const parts = [];
  for (const e of finding.fix.edits) {
    parts.push(bytes.subarray(at, e.span.start), Buffer.from(e.replacement, 'utf8'));
    at = e.span.end;
  }
  parts.push(bytes.subarray(at));
  return { finding, fixed: Buffer.concat(parts).toString('utf8') };
}

const overlayFor = (page, index = 0) => page.locator('primum-overlay').nth(index);

async function waitVerdict(page, verdict, index = 0) {
  await page.waitForFunction(
    ([v, i]) => document.querySelectorAll('primum-overlay')[i]?.getAttribute('data-verdict') === v,
    [verdict, index],
  );
}

/**
 * Registers the compose tests for `site`:
 * `{id, editor, submit, key, keyEditor, spa: {open, editor, name}, textFn}`.
 */
export function composeSpec(site) {
  let browser;
  let url;

  before(async () => {
    browser = await launch();
    url = await serveSite(browser.context, site.id);
  });

  after(async () => {
    if (!browser) return;
    const { outside } = await browser.close();
    assert.deepEqual(outside, [], 'no request may leave the browser');
  });

  async function open() {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.locator(site.editor).first().waitFor();
    return page;
  }

  async function typeInto(page, selector, text) {
    await page.locator(selector).first().click();
    await page.keyboard.type(text);
  }

  const editorText = (page, name = 'composer') => page.evaluate((n) => window.__editorText(n), name);

  test(`${site.id}: a risky draft is underlined, a good one is not`, async () => {
    const page = await open();
    await typeInto(page, site.editor, RISKY);
    await waitVerdict(page, 'stop');
    assert.match(await overlayFor(page).getAttribute('data-categories'), /\bpatient-privacy\b/);
    assert.ok((await page.locator('primum-overlay .line.critical').count()) >= 1, 'critical underlines drawn');
    // The badge counts the findings: as many as the core reports for this text.
    assert.equal(await page.locator('primum-overlay .badge').textContent(), String(cliReport(RISKY).findings.length));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(GOOD);
    await waitVerdict(page, 'ok');
    assert.equal(await page.locator('primum-overlay .line').count(), 0);
    assert.equal(await page.locator('primum-overlay .badge').isHidden(), true);
    await page.close();
  });

  test(`${site.id}: hovering an underline opens a card with the message and the guideline`, async () => {
    const page = await open();
    await typeInto(page, site.editor, RISKY);
    await waitVerdict(page, 'stop');
    const box = await page.locator('primum-overlay .line').first().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y - 4);
    const card = page.locator('primum-overlay .card');
    await card.waitFor({ state: 'visible' });
    assert.match(await card.locator('.msg').first().textContent(), /patient|identif/i);
    assert.match(await card.locator('.guide').first().textContent(), /AMA|HIPAA|GMC/);
    assert.ok((await card.locator('[data-action="ignore"]').count()) >= 1);
    await page.close();
  });

  test(`${site.id}: the badge and card work from the keyboard and pass axe`, async () => {
    const page = await open();
    await typeInto(page, site.editor, RISKY);
    await waitVerdict(page, 'stop');
    await page.locator('primum-overlay .badge').focus();
    await page.keyboard.press('Enter');
    const card = page.locator('primum-overlay .card');
    await card.waitFor({ state: 'visible' });
    const focused = await page.evaluate(() => document.querySelector('primum-overlay').shadowRoot.activeElement?.dataset.action);
    assert.ok(['fix', 'ignore'].includes(focused), `a card button has focus (got ${focused})`);
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run({ include: [['primum-overlay']] }, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), []);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });

  test(`${site.id}: a fix changes the editor's own model, with nothing duplicated`, async () => {
    const page = await open();
    await typeInto(page, site.editor, RISKY);
    await waitVerdict(page, 'stop');
    const { finding, fixed } = expectedAfterFirstFix(RISKY);
    await page.locator('primum-overlay .badge').click();
    await page.locator(`primum-overlay .card [data-action="fix"]`).first().click();
    await page.waitForFunction((want) => window.__editorText() === want, fixed);
    assert.equal(await editorText(page), fixed, `fix of ${finding.rule}`);
    await page.close();
  });

  test(`${site.id}: submit by click is paused at critical; Edit loses nothing; Post anyway posts once`, async () => {
    const page = await open();
    await typeInto(page, site.editor, RISKY);
    await waitVerdict(page, 'stop');
    await page.locator(site.submit).first().click();
    const dialog = page.locator('primum-dialog');
    await dialog.waitFor({ state: 'attached' });
    assert.deepEqual(await page.evaluate(() => window.__posts), []);
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run({ include: [['primum-dialog']] }, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), []);
    await dialog.locator('[data-action="edit"]').click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await editorText(page), RISKY);
    assert.deepEqual(await page.evaluate(() => window.__posts), []);
    await page.locator(site.submit).first().click();
    await dialog.locator('[data-action="post"]').click();
    await page.waitForFunction(() => window.__posts.length > 0);
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.__posts), [RISKY]);
    await page.close();
  });

  test(`${site.id}: keyboard submit is paused; Post anyway submits exactly once`, async () => {
    const page = await open();
    if (site.spa?.before) await page.locator(site.spa.open).click();
    await typeInto(page, site.keyEditor, RISKY);
    await page.keyboard.press(site.key);
    const dialog = page.locator('primum-dialog');
    await dialog.waitFor({ state: 'attached' });
    assert.deepEqual(await page.evaluate(() => window.__posts), []);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // focus moved from Edit to Post anyway
    await page.waitForFunction(() => window.__posts.length > 0);
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.__posts), [RISKY]);
    await page.close();
  });

  test(`${site.id}: a harmless draft posts without any pause`, async () => {
    const page = await open();
    await typeInto(page, site.editor, GOOD);
    await page.locator(site.submit).first().click();
    await page.waitForFunction(() => window.__posts.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__posts), [GOOD]);
    assert.equal(await page.locator('primum-dialog').count(), 0);
    await page.close();
  });

  test(`${site.id}: an editor created after page load is watched`, async () => {
    const page = await open();
    await page.locator(site.spa.open).click();
    await typeInto(page, site.spa.editor, RISKY);
    await page.waitForFunction(
      () => [...document.querySelectorAll('primum-overlay')].some((o) => o.getAttribute('data-verdict') === 'stop'),
    );
    await page.close();
  });

  test(`${site.id}: Primum leaves the site's editor DOM exactly as the editor made it`, async () => {
    const page = await open();
    await typeInto(page, site.editor, RISKY);
    await waitVerdict(page, 'stop');
    const withPrimum = await page.locator(site.editor).first().evaluate((e) => e.outerHTML);
    await page.close();
    // The same typing in the same Chromium without the extension.
    const plain = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    try {
      const ctx = await plain.newContext();
      const plainUrl = await serveSite(ctx, site.id);
      const p = await ctx.newPage();
      await p.goto(plainUrl);
      await p.locator(site.editor).first().click();
      await p.keyboard.type(RISKY);
      await p.waitForTimeout(300);
      const without = await p.locator(site.editor).first().evaluate((e) => e.outerHTML);
      // Draft.js names each editor instance with random keys; everything else must match.
      const stable = (html) => html.replace(/ data-(editor|offset-key)="[^"]*"/g, ' data-$1=""');
      assert.equal(stable(withPrimum), stable(without));
    } finally {
      await plain.close();
    }
  });

  test(`${site.id}: fails open: with a corrupt wasm file the site posts normally`, async () => {
    const variant = distCopy((dir) => writeFileSync(join(dir, 'wasm', 'primum_wasm_bg.wasm'), Buffer.from('this is not wasm')));
    const broken = await launch({ extensionDir: variant.dir });
    try {
      const brokenUrl = await serveSite(broken.context, site.id);
      const page = await broken.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(brokenUrl);
      await page.locator(site.editor).first().click();
      await page.keyboard.type(RISKY);
      await page.waitForTimeout(400);
      await page.locator(site.submit).first().click();
      await page.waitForFunction(() => window.__posts.length > 0);
      assert.deepEqual(await page.evaluate(() => window.__posts), [RISKY]);
      assert.equal(await page.locator('primum-dialog').count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await broken.close();
      variant.remove();
    }
  });
}
