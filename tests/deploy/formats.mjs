// Readers for the deploy formats and a validator for the JSON Schema subset Chrome's managed-storage
// schemas use. No dependencies: each reader is strict and throws on anything it does not expect.

// ---------------------------------------------------------------- schema validator

/** The keywords this validator implements; a schema using any other fails `schemaKeywords`. */
export const SUPPORTED_KEYWORDS = new Set(['type', 'properties', 'additionalProperties', 'items', 'enum', 'title', 'description']);

/** Every keyword used anywhere in `schema`. */
export function schemaKeywords(schema, out = new Set()) {
  for (const [k, v] of Object.entries(schema)) {
    out.add(k);
    if (k === 'properties') for (const sub of Object.values(v)) schemaKeywords(sub, out);
    if ((k === 'items' || k === 'additionalProperties') && v && typeof v === 'object') schemaKeywords(v, out);
  }
  return out;
}

const typeOf = (v) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;

/**
 * Errors (path: message) for `value` against `schema`, as Chrome validates managed storage. An object
 * property that neither `properties` nor `additionalProperties` declares is an error: Chrome drops it
 * (with a warning in chrome://policy), so a deploy example must not carry one.
 */
export function validate(value, schema, path = '$') {
  const errors = [];
  const t = typeOf(value);
  const ok = schema.type === t || (schema.type === 'number' && t === 'integer');
  if (!ok) return [`${path}: expected ${schema.type}, got ${t}`];
  if (schema.enum && !schema.enum.includes(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  }
  if (t === 'array' && schema.items) {
    value.forEach((item, i) => errors.push(...validate(item, schema.items, `${path}[${i}]`)));
  }
  if (t === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const sub = schema.properties?.[k] ?? schema.additionalProperties;
      if (sub && typeof sub === 'object') errors.push(...validate(v, sub, `${path}.${k}`));
      else errors.push(`${path}.${k}: not in the schema`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------- Windows .reg

/**
 * Parses a .reg file (regedit format 5.00) into { keys: Map(path → Map(name → {type, data})),
 * deleted: [paths] }. Handles REG_SZ ("..."), REG_DWORD (dword:xxxxxxxx), comments and key deletion.
 */
export function parseReg(text) {
  const lines = text.split('\r\n');
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new Error('not a regedit 5.00 file');
  const keys = new Map();
  const deleted = [];
  let current = null;
  for (const [n, line] of lines.entries()) {
    if (n === 0 || line === '' || line.startsWith(';')) continue;
    let m;
    if ((m = line.match(/^\[-(HKEY_[^\]]+)\]$/))) {
      deleted.push(m[1]);
      current = null;
    } else if ((m = line.match(/^\[(HKEY_[^\]]+)\]$/))) {
      current = keys.get(m[1]) ?? new Map();
      keys.set(m[1], current);
    } else if ((m = line.match(/^"((?:[^"\\]|\\.)*)"=(.*)$/))) {
      if (!current) throw new Error(`line ${n + 1}: value outside a key`);
      const name = unescapeReg(m[1]);
      const raw = m[2];
      let v;
      if (raw.startsWith('"')) {
        const s = raw.match(/^"((?:[^"\\]|\\.)*)"$/);
        if (!s) throw new Error(`line ${n + 1}: bad string ${raw}`);
        v = { type: 'REG_SZ', data: unescapeReg(s[1]) };
      } else if ((m = raw.match(/^dword:([0-9a-f]{8})$/))) {
        v = { type: 'REG_DWORD', data: parseInt(m[1], 16) };
      } else {
        throw new Error(`line ${n + 1}: unsupported value ${raw}`);
      }
      if (current.has(name)) throw new Error(`line ${n + 1}: ${name} set twice`);
      current.set(name, v);
    } else {
      throw new Error(`line ${n + 1}: cannot read ${JSON.stringify(line)}`);
    }
  }
  return { keys, deleted };
}

function unescapeReg(s) {
  return s.replace(/\\(.)/g, (_, c) => {
    if (c === '\\' || c === '"') return c;
    throw new Error(`unknown escape \\${c}`);
  });
}

/**
 * The policy object Chrome builds from registry values, given the schema: REG_SZ holding JSON for
 * objects and lists, REG_DWORD for booleans and integers, REG_SZ for text. Throws on a value Chrome
 * could not convert.
 */
export function policyFromRegistry(values, schema) {
  const out = {};
  for (const [name, { type, data }] of values) {
    const want = schema.properties?.[name]?.type;
    if (!want) throw new Error(`${name}: not in the schema`);
    if ((want === 'object' || want === 'array') && type === 'REG_SZ') out[name] = JSON.parse(data);
    else if (want === 'boolean' && type === 'REG_DWORD') out[name] = data !== 0;
    else if (want === 'integer' && type === 'REG_DWORD') out[name] = data;
    else if (want === 'string' && type === 'REG_SZ') out[name] = data;
    else throw new Error(`${name}: a ${want} cannot be written as ${type}`);
  }
  return out;
}

// ---------------------------------------------------------------- XML property lists

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : +e.slice(1)) : ENTITIES[e],
  );

/** Parses an XML property list (the .plist / .mobileconfig text form) into plain JS values. */
export function parsePlist(text) {
  const head = text.match(
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN" "http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd">\s*<plist version="1\.0">/,
  );
  if (!head) throw new Error('missing the XML declaration, plist DOCTYPE or <plist version="1.0">');
  const body = text.slice(head[0].length);
  const tokens = [...body.matchAll(/<(\/?)([a-z]+)(\/?)>|([^<]+)/g)].map((m) =>
    m[4] !== undefined ? { text: m[4] } : { close: m[1] === '/', tag: m[2], empty: m[3] === '/' },
  );
  let i = 0;
  const skipSpace = () => {
    while (tokens[i]?.text !== undefined && tokens[i].text.trim() === '') i++;
  };
  const expectClose = (tag) => {
    skipSpace();
    const t = tokens[i++];
    if (!t || !t.close || t.tag !== tag) throw new Error(`expected </${tag}>, got ${JSON.stringify(t)}`);
  };
  const textUntil = (tag) => {
    let s = '';
    if (tokens[i]?.text !== undefined) s = tokens[i++].text;
    const t = tokens[i++];
    if (!t || !t.close || t.tag !== tag) throw new Error(`expected </${tag}>`);
    return unescapeXml(s);
  };
  const value = () => {
    skipSpace();
    const t = tokens[i++];
    if (!t || t.text !== undefined || t.close) throw new Error(`expected a value, got ${JSON.stringify(t)}`);
    switch (t.tag) {
      case 'true':
      case 'false':
        if (!t.empty) throw new Error(`<${t.tag}> must be empty`);
        return t.tag === 'true';
      case 'string':
        return t.empty ? '' : textUntil('string');
      case 'integer': {
        const s = textUntil('integer');
        if (!/^-?\d+$/.test(s)) throw new Error(`bad integer ${s}`);
        return Number(s);
      }
      case 'real':
        return Number(textUntil('real'));
      case 'array': {
        const out = [];
        if (t.empty) return out;
        for (;;) {
          skipSpace();
          if (tokens[i]?.close && tokens[i].tag === 'array') {
            i++;
            return out;
          }
          out.push(value());
        }
      }
      case 'dict': {
        const out = {};
        if (t.empty) return out;
        for (;;) {
          skipSpace();
          const k = tokens[i++];
          if (k?.close && k.tag === 'dict') return out;
          if (!k || k.tag !== 'key' || k.close) throw new Error(`expected <key>, got ${JSON.stringify(k)}`);
          const name = textUntil('key');
          if (Object.hasOwn(out, name)) throw new Error(`key ${name} twice in one dict`);
          out[name] = value();
        }
      }
      default:
        throw new Error(`unsupported plist element <${t.tag}>`);
    }
  };
  const root = value();
  expectClose('plist');
  skipSpace();
  if (i !== tokens.length) throw new Error('content after </plist>');
  return root;
}

// ---------------------------------------------------------------- walking

/** Every [path, string] leaf of a parsed structure. */
export function* strings(v, path = '$') {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${path}[${i}]`);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* strings(x, `${path}.${k}`);
}
