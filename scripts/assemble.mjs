// Assembles dist/chrome and dist/firefox from manifest.json, extension/ and the wasm package.
// The root manifest.json is the source of truth; the Firefox variant is derived from it.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const GECKO_ID = 'primum@primum-extension.org';
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

function firefoxManifest(m) {
  const f = structuredClone(m);
  delete f.minimum_chrome_version;
  delete f.key; // Firefox identifies the extension by its gecko id instead
  f.background = { scripts: [m.background.service_worker], type: 'module' };
  f.browser_specific_settings = {
    gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
  };
  return f;
}

const targets = {
  chrome: { manifest, esTarget: 'chrome116' },
  firefox: { manifest: firefoxManifest(manifest), esTarget: 'firefox142' },
};

for (const [name, { manifest: m, esTarget }] of Object.entries(targets)) {
  const out = join('dist', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const dir of ['background', 'popup', 'report', 'options', 'shared', '_locales', 'icons']) {
    if (existsSync(join('extension', dir))) cpSync(join('extension', dir), join(out, dir), { recursive: true });
  }
  for (const file of ['primum_wasm.js', 'primum_wasm_bg.wasm', 'primum_audit.js', 'primum_audit_bg.wasm']) {
    cpSync(join('target', 'wasm-pkg', file), join(out, 'wasm', file));
  }
  // Content scripts cannot be modules: bundle into one classic script, site adapters inlined.
  await build({
    entryPoints: ['extension/content/main.js'],
    bundle: true,
    format: 'iife',
    target: esTarget,
    outfile: join(out, 'content', 'content.js'),
    loader: { '.json': 'json' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  cpSync(join('extension', 'managed_schema.json'), join(out, 'managed_schema.json'));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
}
