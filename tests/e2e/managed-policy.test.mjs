// Institution rollout with a real Chromium enterprise policy file: Chromium on Linux reads
// /etc/chromium/policies/managed/*.json at start (needs root, as CI has); the policy reaches the
// extension (whose manifest key fixes its id) through chrome.storage.managed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';
import { RISKY, cliReport } from './lib/compose.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'primum-e2e-test.json');

/** The extension id Chromium derives from the manifest's public key. */
function extensionId() {
  const key = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).key;
  const hash = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const POLICY = {
  institution: { name: 'St Elsewhere Health', contact: 'Compliance office, ext. 4411' },
  customTerms: [
    { phrase: 'Ward 7B', category: 'patient-privacy', severity: 'warning', message: 'Ward names identify patients here.' },
    { pattern: '(unclosed', category: 'patient-privacy' },
  ],
  disabled: ['profanity'],
  blockAt: 'critical',
  blockMessage: 'St Elsewhere policy: remove patient identifiers before posting.',
};

const isRoot = process.getuid?.() === 0;
let browser;

before(async () => {
  if (!isRoot) return;
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId()]: POLICY } } }));
  browser = await launch();
});

after(async () => {
  rmSync(POLICY_FILE, { force: true });
  if (browser) {
    const { outside } = await browser.close();
    assert.deepEqual(outside, []);
  }
});

test('policy files need root: this suite runs as root (CI does)', { skip: isRoot ? false : 'not root' }, () => {
  assert.equal(browser.extensionId, extensionId(), 'the manifest key fixes the id policies target');
});

test('chrome.storage.managed holds the policy', { skip: !isRoot && 'not root' }, async () => {
  const managed = await browser.worker.evaluate(() => chrome.storage.managed.get(null));
  assert.equal(managed.institution.name, 'St Elsewhere Health');
  assert.equal(managed.blockAt, 'critical');
});

test('a custom term from policy triggers a warning on a compose page', { skip: !isRoot && 'not root' }, async () => {
  const page = await browser.context.newPage();
  await page.goto(await serveSite(browser.context, 'x'));
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type('Chaos on ward 7b again, send coffee');
  await page.waitForFunction(() => document.querySelector('primum-overlay')?.getAttribute('data-verdict') === 'caution');
  assert.match(await page.locator('primum-overlay').getAttribute('data-categories'), /patient-privacy/);
  await page.close();
});

test('a rule disabled by policy stays disabled when the user enables it', { skip: !isRoot && 'not root' }, async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await options.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  const box = options.locator('input[name="category"][value="profanity"]');
  await box.waitFor();
  assert.equal(await box.isDisabled(), true, 'locked in the options page');
  assert.equal(await box.isChecked(), false);
  // Even a user layer that says otherwise (an old export, a synced profile) cannot re-enable it.
  await options.evaluate(() => chrome.storage.sync.set({ settings: { disabled: [] } }));
  const page = await browser.context.newPage();
  await page.goto(await serveSite(browser.context, 'x'));
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  const text = 'what a shitty fucking night shift';
  // Control: without the policy, the same core flags this text as profanity.
  assert.ok(cliReport(text).findings.some((f) => f.category === 'profanity'), 'the control flags profanity');
  await page.keyboard.type(text);
  await page.waitForFunction(() => document.querySelector('primum-overlay')?.getAttribute('data-verdict') != null);
  await page.waitForTimeout(600);
  assert.doesNotMatch((await page.locator('primum-overlay').getAttribute('data-categories')) ?? '', /profanity/);
  await page.close();
  await options.close();
});

test('blockAt critical: the dialog offers no Post anyway and shows the institution message', { skip: !isRoot && 'not root' }, async () => {
  const page = await browser.context.newPage();
  await page.goto(await serveSite(browser.context, 'x'));
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type(RISKY);
  await page.waitForFunction(() => document.querySelector('primum-overlay')?.getAttribute('data-verdict') === 'stop');
  await page.locator('[data-testid="tweetButtonInline"]').click();
  const dialog = page.locator('primum-dialog[data-blocked="true"]');
  await dialog.waitFor({ state: 'attached' });
  assert.equal(await dialog.locator('[data-action="post"]').count(), 0);
  assert.match(await dialog.locator('.blocked').textContent(), /St Elsewhere policy/);
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="tweetButtonInline"]').click();
  await page.keyboard.press('Escape');
  assert.deepEqual(await page.evaluate(() => window.__posts), []);
  await page.close();
});

test('a malformed policy entry is named in options while the valid keys still apply', { skip: !isRoot && 'not root' }, async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await options.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  const problem = options.locator('#problem-list li[data-key="customTerms[1].pattern"]');
  await problem.waitFor();
  assert.match(await problem.textContent(), /not a valid pattern/);
  assert.match(await options.locator('#managed').textContent(), /St Elsewhere Health/);
  await options.close();
});
