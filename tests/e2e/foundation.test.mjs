// The pipeline end to end in real Chromium with the built extension: the extension loads, its
// worker starts, typing on x.com under X's CSP reaches the wasm checker in the worker and the
// answer comes back to the page, the popup checks text, and the extension makes no request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';

let browser;
before(async () => {
  browser = await launch();
});

after(async () => {
  if (!browser) return;
  const { outside } = await browser.close();
  // The privacy proof: after all the tests below ran, nothing requested anything but the fixtures
  // and the extension's own files.
  assert.deepEqual(outside, [], 'requests left the browser');
});

test('the extension loads and its service worker starts', async () => {
  assert.match(browser.worker.url(), /^chrome-extension:\/\/[a-p]{32}\/background\/loader\.js$/);
  const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions, ['storage']);
  assert.equal(manifest.host_permissions, undefined);
});

test('on x.com under X CSP, typed text is checked by the wasm core in the worker and the result returns', async () => {
  const page = await browser.context.newPage();
  const url = await serveSite(browser.context, 'x');
  await page.goto(url);
  // X's CSP applies: the page itself may not compile wasm (why the checks live in the worker).
  const pageWasm = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
      () => 'compiled',
      (e) => e.name,
    ),
  );
  assert.equal(pageWasm, 'CompileError');

  const editor = page.locator('[data-testid="tweetTextarea_0"]');
  await editor.click();
  await page.keyboard.type('Mr. Jones in bed 4 pulled his IV out again');
  const overlay = page.locator('primum-overlay');
  await page.locator('primum-overlay[data-verdict="stop"]').waitFor({ state: 'attached' });
  assert.match(await overlay.getAttribute('data-categories'), /\bpatient-privacy\b/);
  // The draft is intact in the editor's own model.
  assert.equal(await page.evaluate(() => window.__editorText()), 'Mr. Jones in bed 4 pulled his IV out again');

  // Clearing to a harmless draft takes the verdict back to ok.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Grand rounds on sepsis bundles at noon, all welcome');
  await page.locator('primum-overlay[data-verdict="ok"]').waitFor({ state: 'attached' });
  assert.equal(await overlay.getAttribute('data-categories'), '');
  await page.close();
});

test('the popup checks text typed into it', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await page.locator('#draft').click();
  await page.keyboard.type('Can someone pull MRN 00482913 for me? Weird labs.');
  await page.locator('#check').click();
  await page.locator('#findings li[data-rule="patient-privacy/record-number"]').waitFor();
  assert.equal(await page.locator('#status').getAttribute('data-verdict'), 'stop');
  assert.equal(await page.locator('#findings mark').first().textContent(), 'MRN 00482913');
  await page.close();
});
