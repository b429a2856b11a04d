#!/usr/bin/env node
// Writes every deploy example from one policy file, so the formats cannot drift apart.
//
//   edit deploy/policy.json, then:
//   node deploy/generate.mjs        # rewrites the examples under deploy/ from it
//   node --test tests/deploy/       # checks them against extension/managed_schema.json
//
// Nothing here talks to the network. The extension ids come from manifest.json (Chrome/Edge: the
// public `key`) and scripts/assemble.mjs (Firefox: the gecko id).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Chrome Web Store update URL (also accepted by Edge). Self-hosting: replace with your updates.xml. */
export const CHROME_WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
/**
 * Firefox has no update_url in ExtensionSettings: it takes an install_url. This is addons.mozilla.org's
 * "latest version" address for the add-on id; self-hosting: replace with your signed .xpi.
 */
export const FIREFOX_INSTALL_URL =
  'https://addons.mozilla.org/firefox/downloads/latest/primum@primum-extension.org/latest.xpi';
/** Value name in Edge's ExtensionInstallForcelist key (any number; high so it does not overwrite "1"). */
export const EDGE_FORCELIST_SLOT = '1001';
/** Reverse-DNS prefix for the macOS profiles' identifiers: use your organisation's own. */
export const PROFILE_PREFIX = 'example.st-elsewhere.primum';

/** The Chrome extension id for a manifest `key`: SHA-256 of the DER key, first 32 hex digits as a-p. */
export function chromeIdFromKey(key) {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function geckoIdFromAssemble(source) {
  const m = source.match(/const GECKO_ID = '([^']+)'/);
  if (!m) throw new Error('GECKO_ID not found in scripts/assemble.mjs');
  return m[1];
}

export function ids(root = ROOT) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  return {
    chrome: chromeIdFromKey(manifest.key),
    gecko: geckoIdFromAssemble(readFileSync(join(root, 'scripts/assemble.mjs'), 'utf8')),
  };
}

// ---------------------------------------------------------------- Windows .reg

/** A REG_SZ value as written in a .reg file: backslashes and quotes escaped. */
function regString(s) {
  if (/[^\x20-\x7e]/.test(s)) throw new Error(`keep .reg values printable ASCII: ${JSON.stringify(s)}`);
  return `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * One policy value as Chrome reads it from the registry: text as REG_SZ, true/false and integers as
 * REG_DWORD, lists and objects as REG_SZ holding JSON (Chrome parses those against the schema).
 */
function regValue(value) {
  if (typeof value === 'string') return regString(value);
  if (typeof value === 'boolean') return `dword:${value ? '00000001' : '00000000'}`;
  if (Number.isInteger(value) && value >= 0) return `dword:${value.toString(16).padStart(8, '0')}`;
  return regString(JSON.stringify(value));
}

function regFile(lines) {
  return ['Windows Registry Editor Version 5.00', '', ...lines, ''].join('\r\n');
}

function policyKeyLines(root, id, policy) {
  const key = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${root}\\3rdparty\\extensions\\${id}\\policy`;
  return [
    '; Primum managed policy (chrome.storage.managed). The key is removed first so that a value you',
    '; drop from this file does not linger from an earlier import; nothing else is touched.',
    `[-${key}]`,
    '',
    `[${key}]`,
    ...Object.entries(policy).map(([k, v]) => `"${k}"=${regValue(v)}`),
    '',
  ];
}

function chromeReg(id, policy) {
  const settings = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionSettings\\${id}`;
  return regFile([
    '; Primum for Google Chrome (Windows): force-install + managed policy for St Elsewhere Health.',
    '; Import with the 64-bit reg.exe as an administrator:  reg import primum.reg',
    '; or push the same values with Group Policy Preferences > Registry. See docs/deploy.md.',
    ';',
    '; Force-install through ExtensionSettings, written as a subkey per extension so that other',
    '; extensions\' entries stay as they are. If your GPO already sets ExtensionSettings as one JSON',
    '; string (the ADMX "Extension management settings"), add the Primum entry to that string instead',
    '; and delete this block.',
    `[-${settings}]`,
    '',
    `[${settings}]`,
    `"installation_mode"=${regString('force_installed')}`,
    `"update_url"=${regString(CHROME_WEB_STORE_UPDATE_URL)}`,
    '',
    ...policyKeyLines('Google\\Chrome', id, policy),
  ]);
}

function edgeReg(id, policy) {
  return regFile([
    '; Primum for Microsoft Edge (Windows): force-install + managed policy for St Elsewhere Health.',
    '; Import with the 64-bit reg.exe as an administrator:  reg import primum.reg',
    ';',
    '; Force-install through ExtensionInstallForcelist: "<extension id>;<update URL>". The value name',
    '; is any number; 1001 avoids overwriting an existing entry "1". If a GPO manages this list, add',
    '; the line in the GPO instead (a GPO refresh replaces the whole list).',
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\ExtensionInstallForcelist]',
    `"${EDGE_FORCELIST_SLOT}"=${regString(`${id};${CHROME_WEB_STORE_UPDATE_URL}`)}`,
    '',
    ...policyKeyLines('Microsoft\\Edge', id, policy),
  ]);
}

// ---------------------------------------------------------------- macOS plist / .mobileconfig

const xmlEscape = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function plistValue(v, indent) {
  const pad = '\t'.repeat(indent);
  if (typeof v === 'string') return `${pad}<string>${xmlEscape(v)}</string>`;
  if (typeof v === 'boolean') return `${pad}<${v}/>`;
  if (Number.isInteger(v)) return `${pad}<integer>${v}</integer>`;
  if (typeof v === 'number') return `${pad}<real>${v}</real>`;
  if (Array.isArray(v)) {
    if (v.length === 0) return `${pad}<array/>`;
    return [`${pad}<array>`, ...v.map((x) => plistValue(x, indent + 1)), `${pad}</array>`].join('\n');
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return `${pad}<dict/>`;
    return [
      `${pad}<dict>`,
      ...entries.flatMap(([k, x]) => [`${pad}\t<key>${xmlEscape(k)}</key>`, plistValue(x, indent + 1)]),
      `${pad}</dict>`,
    ].join('\n');
  }
  throw new Error(`no plist form for ${JSON.stringify(v)}`);
}

function plist(value) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistValue(value, 0),
    '</plist>',
    '',
  ].join('\n');
}

/** A stable UUID (name-based, version 5 layout) so regenerating does not churn the profile. */
function stableUuid(name) {
  const b = createHash('sha1').update(`primum-deploy:${name}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function payload(type, identifier, displayName, content) {
  return {
    ...content,
    PayloadDisplayName: displayName,
    PayloadEnabled: true,
    PayloadIdentifier: identifier,
    PayloadType: type,
    PayloadUUID: stableUuid(identifier),
    PayloadVersion: 1,
  };
}

function profile(browser, installPayload, policyPayload) {
  const identifier = `${PROFILE_PREFIX}.${browser.toLowerCase().replace(/\s+/g, '-')}`;
  return plist({
    PayloadContent: [installPayload, policyPayload],
    PayloadDescription:
      `Installs the Primum extension in ${browser} and sets St Elsewhere Health's policy for it. ` +
      'Primum checks drafts on the device only; it sends nothing anywhere.',
    PayloadDisplayName: `Primum for ${browser} (St Elsewhere Health)`,
    PayloadIdentifier: identifier,
    PayloadOrganization: 'St Elsewhere Health',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: stableUuid(identifier),
    PayloadVersion: 1,
  });
}

// ---------------------------------------------------------------- all files

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

/** Every deploy file, path (relative to the repository) → content. */
export function render(policy, { chrome: id, gecko } = ids()) {
  const chromeInstall = { installation_mode: 'force_installed', update_url: CHROME_WEB_STORE_UPDATE_URL };
  const edgeForce = [`${id};${CHROME_WEB_STORE_UPDATE_URL}`];
  return {
    'deploy/chrome/linux/primum.json': json({
      ExtensionSettings: { [id]: chromeInstall },
      '3rdparty': { extensions: { [id]: policy } },
    }),
    'deploy/chrome/windows/primum.reg': chromeReg(id, policy),
    'deploy/chrome/macos/primum.mobileconfig': profile(
      'Google Chrome',
      payload('com.google.Chrome', `${PROFILE_PREFIX}.google-chrome.install`, 'Google Chrome: force-install Primum', {
        ExtensionSettings: { [id]: chromeInstall },
      }),
      payload(
        `com.google.Chrome.extensions.${id}`,
        `${PROFILE_PREFIX}.google-chrome.policy`,
        'Primum policy (Google Chrome)',
        policy,
      ),
    ),
    [`deploy/chrome/macos/com.google.Chrome.extensions.${id}.plist`]: plist(policy),
    'deploy/chrome/google-admin/primum-policy.json': json(
      Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, { Value: v }])),
    ),
    'deploy/edge/linux/primum.json': json({
      ExtensionInstallForcelist: edgeForce,
      '3rdparty': { extensions: { [id]: policy } },
    }),
    'deploy/edge/windows/primum.reg': edgeReg(id, policy),
    'deploy/edge/macos/primum.mobileconfig': profile(
      'Microsoft Edge',
      payload('com.microsoft.Edge', `${PROFILE_PREFIX}.microsoft-edge.install`, 'Microsoft Edge: force-install Primum', {
        ExtensionInstallForcelist: edgeForce,
      }),
      payload(
        `com.microsoft.Edge.extensions.${id}`,
        `${PROFILE_PREFIX}.microsoft-edge.policy`,
        'Primum policy (Microsoft Edge)',
        policy,
      ),
    ),
    'deploy/firefox/policies.json': json({
      policies: {
        ExtensionSettings: { [gecko]: { installation_mode: 'force_installed', install_url: FIREFOX_INSTALL_URL } },
        '3rdparty': { Extensions: { [gecko]: policy } },
      },
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const policy = JSON.parse(readFileSync(join(ROOT, 'deploy/policy.json'), 'utf8'));
  for (const [path, content] of Object.entries(render(policy))) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), content);
    console.log(`wrote ${path}`);
  }
}
