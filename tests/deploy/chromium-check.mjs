// Run by chromium.test.mjs inside a private mount namespace whose
// /etc/chromium/policies/managed holds only the deploy kit's policy: starts Chromium with the built
// extension and prints what reached chrome.storage.managed and what the options page shows.
import { launch } from '../e2e/lib/browser.mjs';

const b = await launch();
try {
  const managed = await b.worker.evaluate(() => chrome.storage.managed.get(null));
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options/options.html`);
  await page.locator('#managed').waitFor({ state: 'visible', timeout: 10000 });
  await page.waitForTimeout(500); // the status reply with ignored entries follows the managed note
  const note = await page.locator('#managed').innerText();
  const problemsHidden = await page.locator('#problems').isHidden();
  const problems = problemsHidden ? '' : await page.locator('#problems').innerText();
  const { outside } = await b.close();
  console.log(JSON.stringify({ id: b.extensionId, managed, note, problemsHidden, problems, outside }));
} catch (e) {
  await b.close().catch(() => {});
  throw e;
}
