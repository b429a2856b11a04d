// The Linux policy file in a real Chromium: the 3rdparty part of deploy/chrome/linux/primum.json is
// bind-mounted over /etc/chromium/policies/managed in a private mount namespace (so the machine's
// own policy folder and other test runs are untouched), and Chromium must hand the whole policy to
// the extension — nothing dropped by its schema check, nothing ignored by Primum — without a single
// network request. Needs root, unshare(1), /usr/bin/chromium and a built dist/chrome (make build);
// skipped otherwise. ExtensionSettings is left out: a force-install would go to the Chrome Web Store.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, ids } from '../../deploy/generate.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const why =
  process.getuid?.() !== 0
    ? 'needs root (a private mount namespace)'
    : !existsSync('/usr/bin/unshare')
      ? 'needs unshare(1)'
      : !existsSync(process.env.PRIMUM_CHROMIUM || '/usr/bin/chromium')
        ? 'needs Chromium'
        : !existsSync(join(ROOT, 'dist/chrome/manifest.json'))
          ? 'needs a built dist/chrome (make build)'
          : false;

test('Chromium passes the Linux policy file to Primum whole', { skip: why, timeout: 120000 }, () => {
  const linux = JSON.parse(readFileSync(join(ROOT, 'deploy/chrome/linux/primum.json'), 'utf8'));
  const expected = JSON.parse(readFileSync(join(ROOT, 'deploy/policy.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'primum-deploy-policy-'));
  try {
    writeFileSync(join(dir, 'primum.json'), JSON.stringify({ '3rdparty': linux['3rdparty'] }));
    mkdirSync(POLICY_DIR, { recursive: true }); // the mount point; empty if it did not exist
    const script = 'mount --bind "$1" "$2" && exec node "$3"';
    const run = spawnSync(
      'unshare',
      ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', dir, POLICY_DIR, join(ROOT, 'tests/deploy/chromium-check.mjs')],
      { cwd: ROOT, encoding: 'utf8', timeout: 110000 },
    );
    assert.equal(run.status, 0, `${run.stderr}\n${run.stdout}`);
    const out = JSON.parse(run.stdout.trim().split('\n').pop());
    assert.equal(out.id, ids().chrome, 'the extension id the policy file names');
    assert.deepEqual(out.managed, expected, 'chrome.storage.managed holds the whole policy');
    assert.match(out.note, /St Elsewhere Health/);
    assert.ok(out.problemsHidden, `Primum ignored entries: ${out.problems}`);
    assert.deepEqual(out.outside, [], 'no network request');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
