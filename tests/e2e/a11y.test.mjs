// The extension's own pages are accessible: axe-core finds no violations in the popup (with results
// shown), the options page and the archive report page (with a report shown), and they work from
// the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  const { outside } = await browser.close();
  assert.deepEqual(outside, []);
});

async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the popup, with findings shown, has no axe violations and checks from the keyboard', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await page.locator('#draft').focus();
  await page.keyboard.type('MRN 00482913 back again tonight');
  await page.keyboard.press('Control+Enter');
  await page.locator('#findings li').first().waitFor();
  assert.deepEqual(await violations(page), []);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await violations(page), [], 'dark mode too');
});

test('the options page has no axe violations', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  assert.deepEqual(await violations(page), []);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await violations(page), [], 'dark mode too');
});

test('the archive report page, with a report shown, has no axe violations and imports from the keyboard', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'primum-a11y-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const archive = join(dir, 'x.zip');
  const gen = spawnSync(join(ROOT, 'target', 'release', 'primum'), ['generate-archive', '--site', 'x', '--posts', '200', archive]);
  assert.equal(gen.status, 0, String(gen.stderr));
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/report/report.html`);
  assert.deepEqual(await violations(page), [], 'before an import');
  // The file input is reached with Tab and opens the picker with Space. (Listening first lets
  // Playwright intercept the picker before any key is pressed.)
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'file');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(archive);
  await page.locator('#export-csv:not([aria-disabled])').waitFor();
  assert.deepEqual(await violations(page), []);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await violations(page), [], 'dark mode too');
});
