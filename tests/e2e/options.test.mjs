// The options page changes what pauses a submit, live, through chrome.storage.sync.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';
import { RISKY, cliReport } from './lib/compose.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  const { outside } = await browser.close();
  assert.deepEqual(outside, []);
});

test('choosing "never" in options lets a critical draft post without a pause, and back again', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await options.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  await options.locator('input[name="pauseAt"][value="never"]').check();
  await options.locator('#saved').filter({ hasText: /./ }).waitFor();

  const page = await browser.context.newPage();
  await page.goto(await serveSite(browser.context, 'x'));
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type(RISKY);
  await page.waitForFunction(() => document.querySelector('primum-overlay')?.getAttribute('data-verdict') === 'stop');
  await page.locator('[data-testid="tweetButtonInline"]').click();
  await page.waitForFunction(() => window.__posts.length === 1);
  assert.equal(await page.locator('primum-dialog').count(), 0);

  await options.locator('input[name="pauseAt"][value="critical"]').check();
  await page.waitForTimeout(300);
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type(RISKY);
  await page.waitForFunction(() => document.querySelector('primum-overlay')?.getAttribute('data-verdict') === 'stop');
  await page.locator('[data-testid="tweetButtonInline"]').click();
  await page.locator('primum-dialog').waitFor({ state: 'attached' });
  assert.deepEqual(await page.evaluate(() => window.__posts.length), 1);
});

test('the options page unticks a category and its findings disappear', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await options.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  await options.locator('input[name="category"][value="patient-privacy"]').uncheck();
  await options.locator('#saved').filter({ hasText: /./ }).waitFor();
  const page = await browser.context.newPage();
  await page.goto(await serveSite(browser.context, 'x'));
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  const text = 'MRN 00482913 is back';
  // Control: with every category on, the core flags this text for patient privacy.
  assert.ok(cliReport(text).findings.some((f) => f.category === 'patient-privacy'));
  await page.keyboard.type(text);
  await page.waitForFunction(() => document.querySelector('primum-overlay') != null);
  await page.waitForTimeout(600);
  assert.doesNotMatch((await page.locator('primum-overlay').getAttribute('data-categories')) ?? '', /patient-privacy/);
  await options.locator('input[name="category"][value="patient-privacy"]').check();
});
