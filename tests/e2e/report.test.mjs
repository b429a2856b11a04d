// The archive report page (report/report.html, opened by the popup's "Import my archive"):
// generated downloads in each real format go through the file input, the module worker parses
// and checks them in Rust, and the page's totals and exports must equal what `primum audit`
// says about the same file (the CLI is the oracle). Bad input gets a message naming the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, truncateSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PRIMUM = join(ROOT, 'target', 'release', 'primum');
const DIR = mkdtempSync(join(tmpdir(), 'primum-report-'));

/** Runs the CLI in DIR (so file names in its report are the bare names the page sees). */
function primum(...args) {
  const run = spawnSync(PRIMUM, args, { cwd: DIR, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(run.status === 0 || run.status === 1, `primum ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const oracle = (name) => JSON.parse(primum('audit', name, '--format', 'json'));
const file = (name) => join(DIR, name);

let browser;
let page;
before(async () => {
  primum('generate-archive', '--site', 'x', '--posts', '400', 'x-archive.zip');
  primum('generate-archive', '--site', 'facebook', '--posts', '800', '--single', 'your_posts_1.json');
  primum('generate-archive', '--site', 'linkedin', '--posts', '800', '--single', 'Shares.csv');
  primum('generate-archive', '--site', 'x', '--posts', '300', '--single', 'tweets.js');
  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/report/report.html`);
});
after(async () => {
  const { outside } = await browser.close();
  rmSync(DIR, { recursive: true, force: true });
  assert.deepEqual(outside, [], 'nothing left the browser');
});

const count = (text) => Number(text.replace(/\D/g, ''));

/** Imports `name` through the file input and waits for the report or the error. */
async function importFile(name) {
  await page.locator('#file').setInputFiles(file(name));
  await page.waitForFunction(
    (n) => (!document.getElementById('report').hidden && document.getElementById('summary').textContent.startsWith(`${n}:`))
      || document.getElementById('error').textContent.includes(n),
    name,
  );
}

/** The totals the page shows, read back from its tables and summary. */
async function shownTotals() {
  return page.evaluate(() => {
    const n = (el) => Number(el.textContent.replace(/\D/g, ''));
    const byCategory = [...document.querySelectorAll('#by-category tbody tr')].map((tr) => ({
      category: tr.dataset.category, posts: n(tr.cells[1]), findings: n(tr.cells[2]),
    }));
    const byYear = [...document.querySelectorAll('#by-year tbody tr')].map((tr) => ({
      year: tr.dataset.year, posts: n(tr.cells[1]), flagged: n(tr.cells[2]),
    }));
    return { summary: document.getElementById('summary').textContent, byCategory, byYear };
  });
}

async function download(selector) {
  await page.locator(`${selector}:not([aria-disabled])`).waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return readFileSync(await dl.path(), 'utf8');
}

async function assertMatchesCli(name) {
  await importFile(name);
  assert.equal(await page.locator('#error').textContent(), '');
  const cli = oracle(name);
  const shown = await shownTotals();
  const t = cli.totals;
  assert.match(shown.summary, new RegExp(`^${name.replace('.', '\\.')}: ${t.posts.toLocaleString('en')} posts checked, ${t.flagged.toLocaleString('en')} worth`));
  assert.deepEqual(shown.byCategory, t.by_category.map(({ category, posts, findings }) => ({ category, posts, findings })));
  assert.deepEqual(shown.byYear, t.by_year);
  assert.ok(t.flagged > 50, `the generated ${name} has flagged posts (${t.flagged})`);
  // The first 50 flagged posts are listed, the rest on request.
  assert.equal(await page.locator('#posts > li').count(), 50);
  await page.locator('#more').click();
  await page.locator('#posts > li').nth(Math.min(99, t.flagged - 1)).waitFor();
  assert.equal(await page.locator('#posts > li mark').first().isVisible(), true);
  // The exports are what the CLI writes, byte for byte.
  assert.equal(await download('#export-json'), primum('audit', name, '--format', 'json'));
  assert.equal(await download('#export-csv'), primum('audit', name, '--format', 'csv'));
  return cli;
}

test('an X archive zip: totals, flagged posts and both exports equal primum audit', async () => {
  const cli = await assertMatchesCli('x-archive.zip');
  const first = cli.posts[0];
  const item = page.locator('#posts > li').first();
  assert.equal(await item.locator('time').getAttribute('datetime'), first.post.date);
  assert.equal(await item.locator('a.permalink').getAttribute('href'), first.post.permalink);
  assert.equal(await item.locator('.text').textContent(), first.post.text);
});

test('a Facebook posts file: mojibake is repaired and the report equals primum audit', async () => {
  const raw = readFileSync(file('your_posts_1.json'), 'utf8');
  assert.match(raw, /\\u00c3\\u00a9|\\u00c3/i, 'the generated file carries Facebook mojibake');
  const cli = await assertMatchesCli('your_posts_1.json');
  const text = await page.locator('#posts').textContent();
  assert.doesNotMatch(text, /Ã©|Ã¨|â€/);
  assert.ok(cli.posts.some((p) => /[éèüñ]/.test(p.post.text)), 'accented posts are among the flagged');
});

test('a LinkedIn Shares.csv with quoted newlines equals primum audit', async () => {
  const cli = await assertMatchesCli('Shares.csv');
  assert.ok(cli.posts.some((p) => p.post.text.includes('\n')), 'a flagged post spans lines');
});

test('hostile text shows as text in the report and in the exports; non-web links are not links', async () => {
  const hostile = '<img src=x onerror="window.__pwned=1"> Mr. Jones in bed 4 again';
  const tweets = `window.YTD.tweets.part0 = ${JSON.stringify([
    { tweet: { id_str: '42', full_text: hostile, created_at: 'Wed Oct 10 20:19:24 +0000 2018' } },
  ])}`;
  writeFileSync(file('hostile-tweets.js'), tweets);
  writeFileSync(file('Comments.csv'), `Date,Link,Message\r\n2021-03-04 10:00:00,javascript:alert(1),"=HYPERLINK(""x"") Mr. Jones in bed 4"\r\n`);
  await importFile('hostile-tweets.js');
  const item = page.locator('#posts > li').first();
  assert.equal(await item.locator('.text').textContent(), hostile);
  assert.equal(await page.locator('#posts img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const json = await download('#export-json');
  assert.equal(JSON.parse(json).posts[0].post.text, hostile);
  assert.match(await download('#export-csv'), /<img src=x onerror=""window.__pwned=1""> Mr\. Jones/);

  await importFile('Comments.csv');
  const comment = page.locator('#posts > li').first();
  assert.equal(await comment.locator('a').count(), 0, 'a javascript: link never becomes a link');
  assert.doesNotMatch(await page.locator('#posts').innerHTML(), /javascript:/);
  const csv = await download('#export-csv');
  assert.match(csv, /,"'=HYPERLINK\(""x""\) Mr\. Jones in bed 4",/, 'the formula is neutralised as the CLI does');
  assert.equal(csv, primum('audit', 'Comments.csv', '--format', 'csv'));
});

/**
 * Writes a zip (stored entries) holding `entries` ({name: Buffer}) and one media entry of `hole`
 * zero bytes that is a hole in a sparse file: an X archive of several GB costs no disk.
 */
function zipWithMedia(path, entries, hole) {
  const fd = openSync(path, 'w');
  const central = [];
  let at = 0;
  const put = (buf) => {
    writeSync(fd, buf, 0, buf.length, at);
    at += buf.length;
  };
  const header = (sig, name, crc, size, offset) => {
    const local = sig === 0x04034b50;
    const h = Buffer.alloc(local ? 30 : 46);
    h.writeUInt32LE(sig, 0);
    let o = 4;
    if (!local) o = h.writeUInt16LE(20, o); // version made by
    o = h.writeUInt16LE(20, o); // version needed
    o = h.writeUInt16LE(0, o); // flags
    o = h.writeUInt16LE(0, o); // stored
    o = h.writeUInt32LE(0x5a210000, o); // 2025-01-01 00:00 in DOS time
    o = h.writeUInt32LE(crc, o);
    o = h.writeUInt32LE(size, o);
    o = h.writeUInt32LE(size, o);
    o = h.writeUInt16LE(Buffer.byteLength(name), o);
    if (!local) h.writeUInt32LE(offset, 42);
    return Buffer.concat([h, Buffer.from(name)]);
  };
  const add = (name, size, crc, write) => {
    const offset = at;
    put(header(0x04034b50, name, crc, size, 0));
    write();
    central.push(header(0x02014b50, name, crc, size, offset));
  };
  for (const [name, data] of Object.entries(entries)) add(name, data.length, crc32(data), () => put(data));
  let crc = 0;
  const zeros = Buffer.alloc(1 << 24);
  for (let left = hole; left > 0; left -= zeros.length) crc = crc32(zeros.subarray(0, Math.min(left, zeros.length)), crc);
  add('data/tweets_media/1-video.mp4', hole, crc, () => { at += hole; });
  const cd = Buffer.concat(central);
  const start = at;
  put(cd);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(start, 16);
  put(end);
  closeSync(fd);
}

test('an X archive of 3 GiB (media) is read entry by entry, never whole', async () => {
  zipWithMedia(file('x-with-media.zip'), { 'data/tweets.js': readFileSync(file('tweets.js')) }, 3 * 2 ** 30);
  const started = Date.now();
  await importFile('x-with-media.zip');
  assert.equal(await page.locator('#error').textContent(), '');
  const cli = oracle('x-with-media.zip');
  assert.equal(cli.totals.posts, 300);
  assert.deepEqual((await shownTotals()).byYear, cli.totals.by_year);
  assert.ok(Date.now() - started < 60_000, 'reading 3 GiB would take far longer');
});

/** Imports `name`, expects an error naming it and matching `pattern`, and no report. */
async function assertRefused(name, pattern) {
  await importFile(name);
  const message = await page.locator('#error').textContent();
  assert.match(message, new RegExp(`Nothing could be imported from ${name.replace('.', '\\.')}`));
  assert.match(message, pattern);
  assert.equal(await page.locator('#report').isHidden(), true);
  assert.equal(await page.locator('#file').isEnabled(), true);
}

test('bad input: each gets a message naming the file and what was expected; a later import works', async () => {
  const zip = readFileSync(file('x-archive.zip'));
  writeFileSync(file('cut.zip'), zip.subarray(0, zip.length >> 1));
  await assertRefused('cut.zip', /cut\.zip: this zip cannot be read .*download it again/);

  writeFileSync(file('photo.json'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  await assertRefused('photo.json', /PNG image.*expected the zip X, Facebook or LinkedIn gives you/);

  writeFileSync(file('posts_1.json'), JSON.stringify([{ media: [{ uri: 'media/posts/1.jpg', title: 'x' }] }]));
  await assertRefused('posts_1.json', /Instagram/);

  writeFileSync(file('empty.json'), '');
  await assertRefused('empty.json', /empty/);

  // 2 GiB, sparse: refused from its size, before it is read (a read would take far longer).
  writeFileSync(file('huge.json'), '');
  truncateSync(file('huge.json'), 2 ** 31);
  const started = Date.now();
  await assertRefused('huge.json', /huge\.json: 2 GiB is more than the 512 MiB Primum reads from one file/);
  assert.ok(Date.now() - started < 10_000, 'the size is checked before the file is read');

  // A posts file cut short: every post before the cut is reported, with what was skipped.
  const tweets = readFileSync(file('tweets.js'));
  writeFileSync(file('tweets-cut.js'), tweets.subarray(0, Math.floor(tweets.length * 0.6)));
  await importFile('tweets-cut.js');
  assert.equal(await page.locator('#error').textContent(), '');
  const cli = oracle('tweets-cut.js');
  assert.equal(cli.partial, true);
  const shown = await shownTotals();
  assert.deepEqual(shown.byYear, cli.totals.by_year);
  assert.match(shown.summary, /Partial results: 1 part\(s\) could not be read/);
  assert.deepEqual(await page.locator('#skipped li').allTextContents(), cli.skipped.map((s) => `${s.file}: ${s.reason}`));

  // The page keeps working: a good file after all of these.
  await assertMatchesCli('x-archive.zip');
  assert.equal(await page.locator('#skipped-box').isHidden(), true);
});

test('choosing another file while one is being checked reports the second one only', async () => {
  primum('generate-archive', '--site', 'x', '--posts', '20000', 'big.zip');
  await page.locator('#file').setInputFiles(file('big.zip'));
  await page.locator('#progress-box:not([hidden])').waitFor();
  await assertMatchesCli('Shares.csv');
  assert.equal(await page.locator('#error').textContent(), '');
  assert.equal(await page.locator('#progress-box').isHidden(), true, 'the progress bar is gone');
});

test('the popup opens the report page in a tab', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  const [tab] = await Promise.all([browser.context.waitForEvent('page'), popup.locator('#import-archive').click()]);
  await tab.waitForURL(`chrome-extension://${browser.extensionId}/report/report.html`);
  await tab.locator('#file').waitFor({ state: 'attached' });
  assert.equal(await tab.locator('label[for="file"]').textContent(), 'Your data download (.zip, .js, .json or .csv)');
  await tab.close();
});
