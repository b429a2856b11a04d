// dist/firefox in Firefox ESR (WebDriver BiDi through puppeteer-core): the extension installs,
// its background script starts the wasm checker, and the popup page checks text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist', 'firefox');
const FIREFOX = process.env.PRIMUM_FIREFOX || '/usr/bin/firefox-esr';
// Fixing the extension's internal UUID lets the test open its popup page by URL.
const UUID = '6b1f7c2e-9a57-4d0e-8f8a-5c3d2e1f0a9b';

test('Firefox ESR loads dist/firefox and its popup runs a check', async () => {
  const geckoId = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  assert.ok(existsSync(FIREFOX), `${FIREFOX} is missing: run scripts/setup.sh browsers`);
  const profile = mkdtempSync(join(tmpdir(), 'primum-ff-'));
  const browser = await puppeteer.launch({
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
  try {
    const id = await browser.installExtension(DIST);
    assert.equal(id, geckoId);
    const page = await browser.newPage();
    const url = `moz-extension://${UUID}/popup/popup.html`;
    // Firefox navigates but never reports the load of an extension page over BiDi; wait for the page itself.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
    await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, url);
    await page.type('#draft', 'Can someone pull MRN 00482913 for me? Weird labs.');
    await page.click('#check');
    await page.waitForSelector('#findings li[data-rule="patient-privacy/record-number"]', { timeout: 20000 });
    const verdict = await page.$eval('#status', (el) => el.dataset.verdict);
    assert.equal(verdict, 'stop');
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
