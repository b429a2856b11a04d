// The privacy proof's control: a request the extension's worker makes *is* detected, so the
// zero-requests assertion in the other tests cannot pass vacuously.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';

test('a request from the extension worker is caught by the net-log detector', async () => {
  const browser = await launch();
  await browser.worker.evaluate(() => fetch('https://detector.invalid/ping').catch(() => 'refused'));
  const { outside } = await browser.close();
  assert.ok(
    outside.some((u) => u.startsWith('https://detector.invalid/')),
    `detector saw: ${JSON.stringify(outside)}`,
  );
});
