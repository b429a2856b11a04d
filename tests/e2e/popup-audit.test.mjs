// The popup's "Check this page" on an X profile timeline at x.com under X's CSP: posts are
// collected through the site adapter, checked in the worker, grouped by category in the popup,
// outlined in the page (in Primum's overlay), and "Load more and rescan" follows a lazy timeline.
// The same on a Facebook profile feed and a LinkedIn activity page, through their adapters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { serveSite } from './lib/fixtures.mjs';
import { SITES } from './lib/sites.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  const { outside } = await browser.close();
  assert.deepEqual(outside, []);
});

/**
 * Opens `path` on site `id` (fixture `fixture`), runs "Check this page" in the popup for that tab,
 * and checks the site's DOM is as it was. Returns the page, the popup and how many posts Primum
 * outlined in its own overlay.
 */
async function checkOwnPosts(id, path, fixture, item) {
  await serveSite(browser.context, id, { [path]: fixture });
  const page = await browser.context.newPage();
  await page.goto(`${SITES[id].origin}${path}`);
  await page.locator(item).first().waitFor();
  const html = await page.evaluate(() => document.body.innerHTML);
  // Without the "tabs" permission tabs can't be found by URL: make the page the active tab.
  await page.bringToFront();
  const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.ok(tabId, 'the page is found');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
  await popup.locator('#audit').click();
  await popup.locator('#audit-results section').first().waitFor();
  const flagged = await page.evaluate(() => document.querySelector('primum-overlay[data-audit]')?.getAttribute('data-flagged'));
  assert.equal(await page.evaluate(() => document.body.innerHTML), html, "the site's DOM is as it was");
  return { page, popup, flagged };
}

test('check this page lists flagged posts by category, shows them, and loads more', async () => {
  const { page: timeline, popup, flagged } = await checkOwnPosts('x', '/primumtester', 'x-profile', 'article[data-testid="tweet"]');
  assert.match(await popup.locator('#audit-status').textContent(), /^5\b|5 /);
  const privacy = popup.locator('#audit-results section[data-category="patient-privacy"]');
  assert.match(await privacy.textContent(), /Mr\. Jones/);
  assert.match(await privacy.locator('mark').first().textContent(), /Mr\. Jones|bed 4/);
  const coi = popup.locator('#audit-results section[data-category="conflict-of-interest"]');
  assert.match(await coi.textContent(), /DRSAM20/);
  const harmless = await popup.locator('#audit-results').textContent();
  assert.doesNotMatch(harmless, /Grand rounds|Flu clinic/);
  assert.equal(flagged, '2', "flagged posts are outlined in Primum's own overlay");

  await popup.locator('#audit-more').click();
  await popup.locator('#audit-status').filter({ hasText: /^7\b|7 / }).waitFor();
  assert.match(await popup.locator('#audit-results').textContent(), /MRN 00482913/);

  await popup.locator('#audit-results section[data-category="patient-privacy"] button').first().click();
  await timeline.waitForFunction(() => {
    const f = document.querySelector('primum-overlay[data-audit]').shadowRoot.querySelector('.frame[style*="4px"]');
    return f != null;
  });
});

test('check this page on a Facebook profile feed', async () => {
  const { popup, flagged } = await checkOwnPosts('facebook', '/sam.tester', 'facebook-profile', '[aria-posinset]');
  assert.match(await popup.locator('#audit-status').textContent(), /^4\b|4 /);
  const privacy = popup.locator('#audit-results section[data-category="patient-privacy"]');
  assert.match(await privacy.textContent(), /Mrs\. Alvarez/);
  assert.match(await privacy.textContent(), /27 February at 23:40/, 'the date Facebook shows');
  assert.match(await popup.locator('#audit-results section[data-category="conflict-of-interest"]').textContent(), /NURSEJO15/);
  assert.doesNotMatch(await popup.locator('#audit-results').textContent(), /Blood drive|infection-control/);
  assert.equal(flagged, '2');
});

test('check this page on a LinkedIn activity page', async () => {
  const { popup, flagged } = await checkOwnPosts('linkedin', '/in/sam-tester/recent-activity/all/', 'linkedin-activity', '[data-urn]');
  assert.match(await popup.locator('#audit-status').textContent(), /^4\b|4 /);
  const privacy = popup.locator('#audit-results section[data-category="patient-privacy"]');
  assert.match(await privacy.textContent(), /J\.S\., 34, from Millbrook/);
  assert.match(await privacy.textContent(), /2w/, 'the date LinkedIn shows');
  assert.match(await popup.locator('#audit-results section[data-category="unsupported-claims"]').textContent(), /cures anxiety/);
  assert.doesNotMatch(await popup.locator('#audit-results').textContent(), /nursing conference|grand rounds/);
  assert.equal(flagged, '2');
});

test('on a page that is not a supported site the popup says what to do', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.bringToFront();
  const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.ok(tabId);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
  await popup.locator('#audit').click();
  await popup.locator('#audit-status').filter({ hasText: /profile or activity/ }).waitFor();
});
