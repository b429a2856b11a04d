// The deploy kit: every example parses, carries the same Primum policy, that policy passes the
// extension's managed_schema.json, and the ids and URLs are the ones they must be.
//   node --test tests/deploy/   (from the repository root)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  CHROME_WEB_STORE_UPDATE_URL,
  FIREFOX_INSTALL_URL,
  ROOT,
  chromeIdFromKey,
  geckoIdFromAssemble,
  render,
} from '../../deploy/generate.mjs';
import {
  SUPPORTED_KEYWORDS,
  parsePlist,
  parseReg,
  policyFromRegistry,
  schemaKeywords,
  strings,
  validate,
} from './formats.mjs';

const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const schema = JSON.parse(read('extension/managed_schema.json'));
const manifest = JSON.parse(read('manifest.json'));
const POLICY = JSON.parse(read('deploy/policy.json'));
const CHROME_ID = chromeIdFromKey(manifest.key);
const GECKO_ID = geckoIdFromAssemble(read('scripts/assemble.mjs'));

const HKLM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies';
const CHROME_REG_POLICY = `${HKLM}\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`;
const EDGE_REG_POLICY = `${HKLM}\\Microsoft\\Edge\\3rdparty\\extensions\\${CHROME_ID}\\policy`;

/** Rule and category ids the checker knows: the headings of docs/rules.md and their categories. */
const RULE_IDS = new Set([...read('docs/rules.md').matchAll(/^## `([a-z-]+\/[a-z-]+)`$/gm)].map((m) => m[1]));
const CATEGORY_IDS = new Set(schema.properties.customTerms.items.properties.category.enum);

/**
 * What policy.rs would skip with a warning although the schema lets it through: a custom term
 * needs exactly one of phrase/pattern; disabled/severity ids that match no rule or category do
 * nothing; a pattern must compile.
 */
function semanticErrors(policy) {
  const errors = [];
  const known = (id) => RULE_IDS.has(id) || CATEGORY_IDS.has(id);
  for (const [i, term] of (policy.customTerms ?? []).entries()) {
    if ((term.phrase === undefined) === (term.pattern === undefined)) {
      errors.push(`customTerms[${i}]: needs exactly one of phrase or pattern`);
    }
    if (term.category === undefined) errors.push(`customTerms[${i}]: category is required`);
    if (term.pattern !== undefined) {
      try {
        new RegExp(term.pattern, 'iu');
      } catch (e) {
        errors.push(`customTerms[${i}].pattern: ${e.message}`);
      }
    }
  }
  for (const id of policy.disabled ?? []) if (!known(id)) errors.push(`disabled: unknown id ${id}`);
  for (const id of Object.keys(policy.severity ?? {})) if (!known(id)) errors.push(`severity: unknown id ${id}`);
  return errors;
}

/** Each example: its file, the parsed form, the Primum policy in it, and its browser id. */
const examples = {
  'chrome/linux': () => {
    const doc = JSON.parse(read('deploy/chrome/linux/primum.json'));
    return { doc, policy: doc['3rdparty'].extensions[CHROME_ID] };
  },
  'chrome/windows': () => {
    const doc = parseReg(read('deploy/chrome/windows/primum.reg'));
    return { doc, policy: policyFromRegistry(doc.keys.get(CHROME_REG_POLICY), schema) };
  },
  'chrome/macos': () => {
    const doc = parsePlist(read('deploy/chrome/macos/primum.mobileconfig'));
    const p = doc.PayloadContent.find((x) => x.PayloadType === `com.google.Chrome.extensions.${CHROME_ID}`);
    return { doc, policy: withoutPayloadKeys(p) };
  },
  'chrome/macos plist (Jamf custom settings)': () => {
    const doc = parsePlist(read(`deploy/chrome/macos/com.google.Chrome.extensions.${CHROME_ID}.plist`));
    return { doc, policy: doc };
  },
  'chrome/google-admin': () => {
    const doc = JSON.parse(read('deploy/chrome/google-admin/primum-policy.json'));
    for (const [k, v] of Object.entries(doc)) assert.deepEqual(Object.keys(v), ['Value'], `${k} must be {"Value": ...}`);
    return { doc, policy: Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, v.Value])) };
  },
  'edge/linux': () => {
    const doc = JSON.parse(read('deploy/edge/linux/primum.json'));
    return { doc, policy: doc['3rdparty'].extensions[CHROME_ID] };
  },
  'edge/windows': () => {
    const doc = parseReg(read('deploy/edge/windows/primum.reg'));
    return { doc, policy: policyFromRegistry(doc.keys.get(EDGE_REG_POLICY), schema) };
  },
  'edge/macos': () => {
    const doc = parsePlist(read('deploy/edge/macos/primum.mobileconfig'));
    const p = doc.PayloadContent.find((x) => x.PayloadType === `com.microsoft.Edge.extensions.${CHROME_ID}`);
    return { doc, policy: withoutPayloadKeys(p) };
  },
  firefox: () => {
    const doc = JSON.parse(read('deploy/firefox/policies.json'));
    return { doc, policy: doc.policies['3rdparty'].Extensions[GECKO_ID] };
  },
};

function withoutPayloadKeys(payload) {
  assert.ok(payload, 'policy payload missing');
  return Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
}

/**
 * A registry tree as one object for the URL scan: key path → value name → data, with the Primum
 * policy key replaced by its decoded policy (JSON strings parsed, as Chrome reads them).
 */
const regAsObject = (reg) =>
  Object.fromEntries(
    [...reg.keys].map(([k, vals]) => [
      k,
      k.endsWith('\\policy')
        ? policyFromRegistry(vals, schema)
        : Object.fromEntries([...vals].map(([n, v]) => [n, v.data])),
    ]),
  );

// ---------------------------------------------------------------- the validator itself

describe('schema validator', () => {
  test('covers every keyword managed_schema.json uses', () => {
    const unsupported = [...schemaKeywords(schema)].filter((k) => !SUPPORTED_KEYWORDS.has(k));
    assert.deepEqual(unsupported, [], 'the validator would silently ignore these keywords');
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, undefined, "Chrome forbids additionalProperties at the top level");
  });

  test('accepts the example policy', () => {
    assert.deepEqual(validate(POLICY, schema), []);
    assert.deepEqual(semanticErrors(POLICY), []);
  });

  test('rejects deliberately wrong values', () => {
    const wrong = [
      [{ pauseAt: 'sometimes' }, '$.pauseAt: "sometimes" is not one of'],
      [{ blockAt: 3 }, '$.blockAt: expected string, got integer'],
      [{ userMayChange: 'false' }, '$.userMayChange: expected boolean, got string'],
      [{ disabled: 'profanity' }, '$.disabled: expected array, got string'],
      [{ disabled: ['profanity', 7] }, '$.disabled[1]: expected string, got integer'],
      [{ severity: { profanity: 'fatal' } }, '$.severity.profanity: "fatal" is not one of'],
      [{ customTerms: [{ phrase: 'Ward 7B', category: 'gossip' }] }, '$.customTerms[0].category: "gossip"'],
      [{ customTerms: [{ phrase: 'Ward 7B', category: 'patient-privacy', colour: 'red' }] }, 'customTerms[0].colour: not in the schema'],
      [{ institution: { name: 'X', reportTo: 'https://collect.example/' } }, '$.institution.reportTo: not in the schema'],
      [{ serverUrl: 'https://collect.example/' }, '$.serverUrl: not in the schema'],
      [{ siteAdapters: { x: { editors: '.box' } } }, '$.siteAdapters.x.editors: expected array, got string'],
      [[], '$: expected object, got array'],
    ];
    for (const [value, message] of wrong) {
      const errors = validate(value, schema);
      assert.ok(errors.some((e) => e.includes(message)), `${JSON.stringify(value)} → ${JSON.stringify(errors)}`);
    }
  });

  test('the semantic check rejects what policy.rs would skip', () => {
    const both = { customTerms: [{ phrase: 'a', pattern: 'b', category: 'profanity' }] };
    const neither = { customTerms: [{ category: 'profanity' }] };
    const badRegex = { customTerms: [{ pattern: '(unclosed', category: 'profanity' }] };
    assert.match(semanticErrors(both).join(), /exactly one of phrase or pattern/);
    assert.match(semanticErrors(neither).join(), /exactly one of phrase or pattern/);
    assert.match(semanticErrors(badRegex).join(), /pattern/);
    assert.match(semanticErrors({ disabled: ['profanity/nope'] }).join(), /unknown id profanity\/nope/);
    assert.match(semanticErrors({ severity: { nope: 'info' } }).join(), /unknown id nope/);
    assert.ok(RULE_IDS.size > 10 && RULE_IDS.has('impulsive-tone/shouting'), 'docs/rules.md headings not read');
  });
});

// ---------------------------------------------------------------- each example

describe('every example carries the one policy, valid against the schema', () => {
  for (const [name, load] of Object.entries(examples)) {
    test(name, () => {
      const { policy } = load();
      assert.deepEqual(validate(policy, schema), [], `${name}: schema errors`);
      assert.deepEqual(semanticErrors(policy), [], `${name}: entries Primum would skip`);
      assert.deepEqual(policy, POLICY, `${name}: differs from deploy/policy.json`);
    });
  }

  test('the example has what the brief asks for', () => {
    assert.equal(POLICY.institution.name, 'St Elsewhere Health');
    assert.ok(POLICY.institution.policyUrl && POLICY.institution.contact);
    assert.equal(POLICY.pauseAt, 'warning');
    assert.equal(POLICY.blockAt, 'critical');
    assert.ok(POLICY.blockMessage);
    assert.ok(POLICY.customTerms.some((t) => t.phrase === 'Ward 7B'));
    const code = POLICY.customTerms.find((t) => t.pattern === '\\bSEH-\\d{6}\\b');
    assert.ok(code, 'the internal code pattern');
    assert.match('see SEH-004211 on the list', new RegExp(code.pattern, 'i'));
    assert.doesNotMatch('SEH-0042110', new RegExp(code.pattern, 'i'));
    assert.equal(POLICY.disabled.length, 1);
    assert.equal(POLICY.userMayChange, false);
  });

  test('docs/deploy.md documents every key of the schema, and only those', () => {
    const documented = [...read('docs/deploy.md').matchAll(/^### `([A-Za-z]+)`$/gm)].map((m) => m[1]);
    assert.deepEqual(documented.sort(), Object.keys(schema.properties).sort());
  });

  test('the committed files are what deploy/generate.mjs writes', () => {
    for (const [path, content] of Object.entries(render(POLICY, { chrome: CHROME_ID, gecko: GECKO_ID }))) {
      assert.equal(read(path), content, `${path} is stale: run node deploy/generate.mjs`);
    }
  });
});

// ---------------------------------------------------------------- per-format details

describe('formats', () => {
  test('Chrome (Linux): force-installed through ExtensionSettings', () => {
    const doc = JSON.parse(read('deploy/chrome/linux/primum.json'));
    assert.deepEqual(Object.keys(doc).sort(), ['3rdparty', 'ExtensionSettings']);
    assert.deepEqual(doc.ExtensionSettings, {
      [CHROME_ID]: { installation_mode: 'force_installed', update_url: CHROME_WEB_STORE_UPDATE_URL },
    });
    assert.deepEqual(Object.keys(doc['3rdparty'].extensions), [CHROME_ID]);
  });

  test('Chrome (Windows .reg): CRLF, ASCII, keys under HKLM policies, typed as Chrome reads them', () => {
    const text = read('deploy/chrome/windows/primum.reg');
    assert.doesNotMatch(text, /(^|[^\r])\n/, 'every line must end in CRLF');
    assert.match(text, /^[\x20-\x7e\r\n]*$/, 'ASCII only (regedit reads an ANSI file)');
    const reg = parseReg(text);
    const settings = `${HKLM}\\Google\\Chrome\\ExtensionSettings\\${CHROME_ID}`;
    assert.deepEqual([...reg.keys.keys()].sort(), [CHROME_REG_POLICY, settings].sort());
    assert.deepEqual(Object.fromEntries(reg.keys.get(settings)), {
      installation_mode: { type: 'REG_SZ', data: 'force_installed' },
      update_url: { type: 'REG_SZ', data: CHROME_WEB_STORE_UPDATE_URL },
    });
    const values = reg.keys.get(CHROME_REG_POLICY);
    assert.equal(values.get('userMayChange').type, 'REG_DWORD');
    assert.equal(values.get('customTerms').type, 'REG_SZ');
    assert.ok(values.get('customTerms').data.startsWith('[{'), 'a list is a JSON string');
    // The only deletions are Primum's own keys, recreated just below.
    assert.deepEqual(reg.deleted.sort(), [CHROME_REG_POLICY, settings].sort());
  });

  test('Edge (Windows .reg): ExtensionInstallForcelist entry and the 3rdparty key', () => {
    const text = read('deploy/edge/windows/primum.reg');
    assert.doesNotMatch(text, /(^|[^\r])\n/, 'every line must end in CRLF');
    assert.match(text, /^[\x20-\x7e\r\n]*$/);
    const reg = parseReg(text);
    const forcelist = reg.keys.get(`${HKLM}\\Microsoft\\Edge\\ExtensionInstallForcelist`);
    assert.equal(forcelist.size, 1);
    const [[slot, entry]] = [...forcelist];
    assert.match(slot, /^\d+$/, 'list entries are numbered values');
    assert.deepEqual(entry, { type: 'REG_SZ', data: `${CHROME_ID};${CHROME_WEB_STORE_UPDATE_URL}` });
    assert.deepEqual(reg.deleted, [EDGE_REG_POLICY], 'the .reg never deletes the forcelist');
  });

  test('the .reg reader rejects what Chrome could not convert', () => {
    const head = `Windows Registry Editor Version 5.00\r\n\r\n[${CHROME_REG_POLICY}]\r\n`;
    const bool = parseReg(`${head}"userMayChange"="false"\r\n`).keys.get(CHROME_REG_POLICY);
    assert.throws(() => policyFromRegistry(bool, schema), /boolean cannot be written as REG_SZ/);
    const badJson = parseReg(`${head}"disabled"="[\\"profanity\\""\r\n`).keys.get(CHROME_REG_POLICY);
    assert.throws(() => policyFromRegistry(badJson, schema), SyntaxError);
    assert.throws(() => parseReg(`${head}"x"=hex:00\r\n`), /unsupported value/);
    assert.throws(() => parseReg(head.replaceAll('\r\n', '\n')), /not a regedit 5.00 file/);
  });

  for (const [browser, file, installType] of [
    ['Chrome', 'deploy/chrome/macos/primum.mobileconfig', 'com.google.Chrome'],
    ['Edge', 'deploy/edge/macos/primum.mobileconfig', 'com.microsoft.Edge'],
  ]) {
    test(`${browser} (macOS .mobileconfig): a well-formed configuration profile`, () => {
      const doc = parsePlist(read(file));
      assert.equal(doc.PayloadType, 'Configuration');
      assert.equal(doc.PayloadVersion, 1);
      assert.equal(doc.PayloadScope, 'System');
      const payloads = [doc, ...doc.PayloadContent];
      const uuid = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
      for (const p of payloads) {
        assert.match(p.PayloadUUID, uuid);
        assert.equal(typeof p.PayloadIdentifier, 'string');
        assert.equal(p.PayloadVersion, 1);
        assert.equal(typeof p.PayloadDisplayName, 'string');
      }
      assert.equal(new Set(payloads.map((p) => p.PayloadUUID)).size, payloads.length, 'UUIDs unique');
      assert.equal(new Set(payloads.map((p) => p.PayloadIdentifier)).size, payloads.length, 'identifiers unique');
      assert.deepEqual(
        doc.PayloadContent.map((p) => p.PayloadType),
        [installType, `${installType}.extensions.${CHROME_ID}`],
      );
      const install = doc.PayloadContent[0];
      if (browser === 'Chrome') {
        assert.deepEqual(install.ExtensionSettings, {
          [CHROME_ID]: { installation_mode: 'force_installed', update_url: CHROME_WEB_STORE_UPDATE_URL },
        });
      } else {
        assert.deepEqual(install.ExtensionInstallForcelist, [`${CHROME_ID};${CHROME_WEB_STORE_UPDATE_URL}`]);
      }
    });
  }

  test('the plist reader rejects malformed input', () => {
    const wrap = (body) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${body}\n</plist>\n`;
    assert.deepEqual(parsePlist(wrap('<dict><key>a&amp;b</key><array><true/><integer>2</integer></array></dict>')), {
      'a&b': [true, 2],
    });
    assert.throws(() => parsePlist(wrap('<dict><key>a</key><string>x</string>')), /expected <key>|expected <\/plist>/);
    assert.throws(() => parsePlist(wrap('<dict><string>x</string></dict>')), /expected <key>/);
    assert.throws(() => parsePlist(wrap('<dict><key>a</key><date>x</date></dict>')), /unsupported plist element/);
    assert.throws(() => parsePlist('<plist><dict/></plist>'), /DOCTYPE/);
  });

  test('Edge (Linux): ExtensionInstallForcelist', () => {
    const doc = JSON.parse(read('deploy/edge/linux/primum.json'));
    assert.deepEqual(doc.ExtensionInstallForcelist, [`${CHROME_ID};${CHROME_WEB_STORE_UPDATE_URL}`]);
  });

  test('Firefox: policies.json with ExtensionSettings and 3rdparty.Extensions', () => {
    const doc = JSON.parse(read('deploy/firefox/policies.json'));
    assert.deepEqual(Object.keys(doc), ['policies']);
    assert.deepEqual(Object.keys(doc.policies).sort(), ['3rdparty', 'ExtensionSettings']);
    assert.deepEqual(doc.policies.ExtensionSettings, {
      [GECKO_ID]: { installation_mode: 'force_installed', install_url: FIREFOX_INSTALL_URL },
    });
    assert.deepEqual(Object.keys(doc.policies['3rdparty'].Extensions), [GECKO_ID]);
  });
});

// ---------------------------------------------------------------- ids and URLs

describe('ids and URLs', () => {
  test("the Chrome/Edge id is the manifest key's id; Firefox's is the gecko id", () => {
    assert.equal(CHROME_ID, 'jaleipeminacnihpalhhicojbilpampc');
    assert.equal(GECKO_ID, 'primum@primum-extension.org');
  });

  test('every example names only those ids', () => {
    const deployFiles = Object.keys(render(POLICY, { chrome: CHROME_ID, gecko: GECKO_ID }));
    for (const path of deployFiles) {
      const text = `${path}\n${read(path)}`;
      const chromeLike = new Set(text.match(/\b[a-p]{32}\b/g) ?? []);
      const geckoLike = new Set(text.match(/[\w.-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []);
      if (path.startsWith('deploy/firefox/')) {
        assert.deepEqual([...chromeLike], [], path);
        assert.deepEqual([...geckoLike], [GECKO_ID], path);
      } else if (path.includes('/google-admin/')) {
        // The Admin console takes the id in its own form; the uploaded file holds only the policy.
        assert.deepEqual([...chromeLike], [], path);
        assert.deepEqual([...geckoLike], [], path);
      } else {
        assert.deepEqual([...chromeLike], [CHROME_ID], path);
        assert.deepEqual([...geckoLike], [], path);
      }
    }
  });

  /** URL-valued leaves whose key is not one that may hold a URL. */
  function strayUrls(doc) {
    const allowed = /\.(policyUrl|update_url|install_url)$/;
    // A forcelist entry is "<id>;<update URL>": the URL part is an update_url.
    const forcelist = /[.\\]ExtensionInstallForcelist(\[\d+\]|\.\d+)$/;
    return [...strings(doc)].filter(
      ([path, s]) =>
        /[a-z][a-z0-9+.-]*:\/\//i.test(s) &&
        !allowed.test(path) &&
        !(forcelist.test(path) && /^[a-p]{32};[^;]+$/.test(s)),
    );
  }

  test('no example has a URL-valued key other than policyUrl / update_url (install_url for Firefox)', () => {
    for (const [name, load] of Object.entries(examples)) {
      const { doc, policy } = load();
      const tree = doc.keys ? regAsObject(doc) : doc;
      assert.deepEqual(strayUrls(tree), [], name);
      const inPolicy = [...strings(policy)].filter(([, s]) => s.includes('://')).map(([p]) => p);
      assert.deepEqual(inPolicy, ['$.institution.policyUrl'], `${name}: the only URL in the policy`);
    }
    for (const [, s] of strings(JSON.parse(read('deploy/chrome/linux/primum.json')).ExtensionSettings)) {
      if (s.includes('://')) assert.equal(s, CHROME_WEB_STORE_UPDATE_URL);
    }
  });

  test('the URL scan catches a smuggled endpoint', () => {
    const smuggled = structuredClone(POLICY);
    smuggled.customTerms[0].message = 'see https://collect.example/report';
    assert.equal(strayUrls({ policy: smuggled }).length, 1);
    assert.equal(strayUrls({ x: { reportUrl: 'https://collect.example/' } }).length, 1);
    assert.equal(strayUrls({ x: { policyUrl: 'https://intranet.example/' } }).length, 0);
    assert.equal(strayUrls({ ExtensionInstallForcelist: ['https://collect.example/'] }).length, 1);
  });

  test('the schema itself has no endpoint-like key but institution.policyUrl', () => {
    const names = [];
    const walk = (s, path) => {
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        names.push(`${path}.${k}`);
        walk(sub, `${path}.${k}`);
      }
      if (s.items) walk(s.items, `${path}[]`);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.*`);
    };
    walk(schema, '$');
    const endpointish = names.filter((n) => /url|uri|endpoint|server|host|webhook|report|upload|api/i.test(n.split('.').pop()));
    assert.deepEqual(endpointish, ['$.institution.policyUrl']);
  });
});
