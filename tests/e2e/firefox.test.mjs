// dist/firefox in Firefox ESR (WebDriver BiDi through puppeteer-core): the extension installs,
// its background script starts the wasm checker, the popup page checks text, and the archive
// report page imports a download in its module worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist', 'firefox');
const FIREFOX = process.env.PRIMUM_FIREFOX || '/usr/bin/firefox-esr';
// Fixing the extension's internal UUID lets the test open its pages by URL.
const UUID = '6b1f7c2e-9a57-4d0e-8f8a-5c3d2e1f0a9b';

let browser;
let profile;
before(async () => {
  const geckoId = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  assert.ok(existsSync(FIREFOX), `${FIREFOX} is missing: run scripts/setup.sh browsers`);
  profile = mkdtempSync(join(tmpdir(), 'primum-ff-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    protocol: 'webDriverBiDi',
    // Without it, WebDriver BiDi refuses to navigate a tab to a moz-extension:// page.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
      // Keep Firefox from calling home during the test.
      'network.dns.disableIPv6': true,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  assert.equal(await browser.installExtension(DIST), geckoId);
});
after(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Opens one of the extension's pages. */
async function open(path) {
  const page = await browser.newPage();
  const url = `moz-extension://${UUID}/${path}`;
  // Firefox navigates but never reports the load of an extension page over BiDi; wait for the page itself.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
  await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, url);
  return page;
}

test('Firefox ESR loads dist/firefox and its popup runs a check', async () => {
  const page = await open('popup/popup.html');
  await page.type('#draft', 'Can someone pull MRN 00482913 for me? Weird labs.');
  await page.click('#check');
  await page.waitForSelector('#findings li[data-rule="patient-privacy/record-number"]', { timeout: 20000 });
  const verdict = await page.$eval('#status', (el) => el.dataset.verdict);
  assert.equal(verdict, 'stop');
});

test('Firefox ESR imports an X archive in the report page, as primum audit reads it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'primum-ff-archive-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const archive = join(dir, 'x.zip');
  const primum = (...args) => spawnSync(join(ROOT, 'target', 'release', 'primum'), args, { encoding: 'utf8' });
  assert.equal(primum('generate-archive', '--site', 'x', '--posts', '300', archive).status, 0);
  const cli = JSON.parse(primum('audit', archive, '--format', 'json').stdout);
  const page = await open('report/report.html');
  const input = await page.$('#file');
  await input.uploadFile(archive);
  await page.waitForSelector('#export-json:not([aria-disabled])', { timeout: 30000 });
  const summary = await page.$eval('#summary', (el) => el.textContent);
  assert.match(summary, new RegExp(`^x\\.zip: ${cli.totals.posts} posts checked, ${cli.totals.flagged} worth`));
  const listed = await page.$$eval('#posts > li', (li) => li.length);
  assert.equal(listed, Math.min(50, cli.totals.flagged));
});
