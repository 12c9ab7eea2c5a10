/**
 * Managed policy on Windows: `HKLM\Software\Policies\DiagCollect`, read with
 * `reg query <key> /s` (no native module, nothing written) and mapped onto the policy keys.
 *
 * The mapping (also in docs/it-rollout.md and the ADMX templates generated from the schema):
 *
 * | policy                              | registry                                                    |
 * |-------------------------------------|-------------------------------------------------------------|
 * | section (`upload`, `upload.redmine`)| subkey (`…\DiagCollect\upload\redmine`)                      |
 * | text, choice                        | REG_SZ (REG_EXPAND_SZ accepted, left unexpanded: paths expand `%VAR%` themselves) |
 * | whole number                        | REG_DWORD, REG_QWORD for sizes over 4 GiB (REG_SZ digits accepted) |
 * | number with decimals (percent)      | REG_SZ `12.5` (REG_DWORD for whole numbers)                  |
 * | true / false                        | REG_DWORD 1 / 0 (REG_SZ `true`/`false` accepted)             |
 * | list of text (`appLogPaths`)        | REG_MULTI_SZ; or a subkey of that name with values `1`, `2`, … (Chrome's list policies) |
 * | list of objects (`products`)        | REG_SZ holding JSON (Chrome's dictionary policies); or numbered subkeys `1`, `2`, … each holding the object's values |
 *
 * Value and subkey names are matched case-insensitively, like Windows does. The `(Default)`
 * value is ignored. A value whose type does not fit its key is reported (key, registry path,
 * reason) and left out; the rest of the policy applies.
 */
import { isSection, leafKind, nodeAt, policyJsonSchema, propertyNamed, unwrap, type SchemaNode } from './schema-shape.js';

export const REGISTRY_POLICY_KEY = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\DiagCollect';
export const REGISTRY_POLICY_KEY_SHORT = 'HKLM\\Software\\Policies\\DiagCollect';

export interface RegValue {
  name: string;
  type: string;
  /** As `reg query` prints it: REG_DWORD `0x1`, REG_MULTI_SZ `a\0b`. */
  data: string;
}

export interface RegKey {
  /** Full path as printed by reg.exe. */
  path: string;
  name: string;
  values: RegValue[];
  subkeys: RegKey[];
}

/** A value or subkey that could not be used. `key` is the policy key, `where` the registry path. */
export interface RegistryProblem {
  key: string;
  where: string;
  reason: string;
}

const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

function normalizeHive(path: string): string {
  return path.replace(/^HKLM(?=\\|$)/i, 'HKEY_LOCAL_MACHINE').replace(/^HKCU(?=\\|$)/i, 'HKEY_CURRENT_USER');
}

/**
 * Parses `reg query <root> /s` output (CRLF or LF) into a key tree rooted at `root`. Keys outside
 * `root` are ignored; a missing root (no output) gives an empty key.
 */
export function parseRegQuery(text: string, root: string = REGISTRY_POLICY_KEY): RegKey {
  const rootPath = normalizeHive(root);
  const top: RegKey = { path: rootPath, name: rootPath.split('\\').pop() ?? rootPath, values: [], subkeys: [] };
  let current: RegKey | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (/^HKEY_/i.test(line)) {
      current = keyFor(top, normalizeHive(line.trim()));
      continue;
    }
    const m = VALUE_LINE.exec(line);
    if (!m || !current) continue;
    const name = m[1]!;
    if (name === '(Default)' || name === '(默认)' || name === '') continue;
    current.values.push({ name, type: m[2]!, data: m[3] ?? '' });
  }
  return top;
}

function keyFor(top: RegKey, path: string): RegKey | undefined {
  if (path.toLowerCase() === top.path.toLowerCase()) return top;
  if (!path.toLowerCase().startsWith(`${top.path.toLowerCase()}\\`)) return undefined;
  let key = top;
  for (const part of path.slice(top.path.length + 1).split('\\')) {
    let next = key.subkeys.find((k) => k.name.toLowerCase() === part.toLowerCase());
    if (!next) {
      next = { path: `${key.path}\\${part}`, name: part, values: [], subkeys: [] };
      key.subkeys.push(next);
    }
    key = next;
  }
  return key;
}

type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

const typeHint: Record<string, string> = {
  string: 'text: use REG_SZ',
  enum: 'a choice: use REG_SZ',
  integer: 'a whole number: use REG_DWORD (REG_QWORD above 4 GiB)',
  number: 'a number: use REG_DWORD, or REG_SZ for decimals such as 12.5',
  boolean: 'on/off: use REG_DWORD 1 or 0',
  'string-list': 'a list of text: use REG_MULTI_SZ',
  json: 'a list of objects: use REG_SZ holding JSON, or numbered subkeys 1, 2, …',
};

function parseInteger(data: string): number | undefined {
  const t = data.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t.slice(2), 16);
  if (/^-?\d+$/.test(t)) return Number(t);
  return undefined;
}

/** A registry value converted to the JSON value the schema node expects. */
export function convertValue(value: RegValue, node: SchemaNode): Converted {
  const kind = leafKind(node);
  const isText = value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ';
  const isNumber = value.type === 'REG_DWORD' || value.type === 'REG_QWORD';
  const wrong = (): Converted => ({ ok: false, reason: `is ${value.type}, but this key is ${typeHint[kind]}` });
  if (isSection(node)) {
    if (!isText) return { ok: false, reason: `is ${value.type}, but this key is a section: make it a subkey (or REG_SZ holding a JSON object)` };
    return parseJson(value.data, 'object');
  }
  switch (kind) {
    case 'string':
    case 'enum':
      return isText ? { ok: true, value: value.data } : wrong();
    case 'integer':
    case 'number': {
      if (isNumber) {
        const n = parseInteger(value.data);
        return n === undefined ? { ok: false, reason: `holds "${value.data}", which is not a number` } : { ok: true, value: n };
      }
      if (isText) {
        const t = value.data.trim();
        const n = kind === 'integer' ? parseInteger(t) : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
        return n === undefined ? { ok: false, reason: `holds "${value.data}", which is not ${kind === 'integer' ? 'a whole number' : 'a number'}` } : { ok: true, value: n };
      }
      return wrong();
    }
    case 'boolean': {
      if (isNumber) {
        const n = parseInteger(value.data);
        if (n === 0 || n === 1) return { ok: true, value: n === 1 };
        return { ok: false, reason: `holds ${value.data}; on/off keys take REG_DWORD 1 (on) or 0 (off)` };
      }
      if (isText && /^(true|false)$/i.test(value.data.trim())) return { ok: true, value: value.data.trim().toLowerCase() === 'true' };
      return wrong();
    }
    case 'string-list': {
      if (value.type === 'REG_MULTI_SZ') return { ok: true, value: value.data === '' ? [] : value.data.split('\\0').filter((s, i, all) => s !== '' || i < all.length - 1) };
      if (isText) return value.data.trim().startsWith('[') ? parseJson(value.data, 'array') : { ok: true, value: [value.data] };
      return wrong();
    }
    case 'json':
      return isText ? parseJson(value.data, unwrap(node).type === 'array' ? 'array' : 'object') : wrong();
  }
}

function parseJson(text: string, want: 'array' | 'object'): Converted {
  try {
    const v: unknown = JSON.parse(text);
    const isArray = Array.isArray(v);
    if (want === 'array' ? !isArray : isArray || v === null || typeof v !== 'object') return { ok: false, reason: `holds JSON that is not ${want === 'array' ? 'a list ([…])' : 'an object ({…})'}` };
    return { ok: true, value: v };
  } catch (err) {
    return { ok: false, reason: `is not valid JSON (${(err as Error).message})` };
  }
}

/** A value for a name the schema does not know: passed on as-is so validation names it as an unknown key. */
function naive(value: RegValue): unknown {
  if (value.type === 'REG_DWORD' || value.type === 'REG_QWORD') return parseInteger(value.data) ?? value.data;
  if (value.type === 'REG_MULTI_SZ') return value.data.split('\\0');
  return value.data;
}

function naiveKey(key: RegKey): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of key.values) out[v.name] = naive(v);
  for (const k of key.subkeys) out[k.name] = naiveKey(k);
  return out;
}

function numbered<T extends { name: string }>(entries: T[]): { ok: true; sorted: T[] } | { ok: false; bad: string } {
  const bad = entries.find((e) => !/^[1-9]\d{0,4}$/.test(e.name));
  if (bad) return { ok: false, bad: bad.name };
  return { ok: true, sorted: [...entries].sort((a, b) => Number(a.name) - Number(b.name)) };
}

/**
 * Maps a registry key tree onto a raw policy object (not yet validated). Values that cannot be
 * mapped are reported and left out.
 */
export function registryToPolicy(top: RegKey, schema: SchemaNode = policyJsonSchema()): { raw: Record<string, unknown>; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  const section = (key: RegKey, node: SchemaNode, path: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const value of key.values) {
      const prop = propertyNamed(node, value.name);
      if (prop === undefined) {
        out[value.name] = naive(value);
        continue;
      }
      const child = unwrap(node).properties![prop]!;
      const converted = convertValue(value, child);
      if (converted.ok) out[prop] = converted.value;
      else problems.push({ key: [...path, prop].join('.'), where: `${key.path} → ${value.name} (${value.type})`, reason: converted.reason });
    }
    for (const sub of key.subkeys) {
      const prop = propertyNamed(node, sub.name);
      if (prop === undefined) {
        out[sub.name] = naiveKey(sub);
        continue;
      }
      const child = unwrap(node).properties![prop]!;
      const childPath = [...path, prop];
      const where = sub.path;
      if (isSection(child)) {
        out[prop] = section(sub, child, childPath);
        continue;
      }
      const kind = leafKind(child);
      const items = unwrap(child).items;
      if (kind === 'string-list') {
        if (sub.subkeys.length > 0) problems.push({ key: childPath.join('.'), where, reason: 'a list subkey holds values named 1, 2, …, not further subkeys' });
        const n = numbered(sub.values);
        if (!n.ok) {
          problems.push({ key: childPath.join('.'), where, reason: `a list subkey holds values named 1, 2, …; "${n.bad}" is not such a name` });
          continue;
        }
        const bad = n.sorted.find((v) => v.type !== 'REG_SZ' && v.type !== 'REG_EXPAND_SZ');
        if (bad) {
          problems.push({ key: childPath.join('.'), where: `${where} → ${bad.name} (${bad.type})`, reason: 'list entries are text: use REG_SZ' });
          continue;
        }
        out[prop] = n.sorted.map((v) => v.data);
      } else if (kind === 'json' && unwrap(child).type === 'array' && items && isSection(items)) {
        const n = numbered(sub.subkeys);
        if (!n.ok || sub.values.length > 0) {
          problems.push({ key: childPath.join('.'), where, reason: `a list of objects is a subkey with numbered subkeys 1, 2, … (each holding one object's values)${n.ok ? '' : `; "${n.bad}" is not such a name`}` });
          continue;
        }
        const before = problems.length;
        const list = n.sorted.map((k, i) => section(k, items, [...childPath, String(i)]));
        // An entry with a bad value would be an incomplete object: report it and leave the list out.
        if (problems.length === before) out[prop] = list;
      } else {
        problems.push({ key: childPath.join('.'), where, reason: `is a subkey, but this key is ${typeHint[kind]}` });
      }
    }
    return out;
  };
  return { raw: section(top, schema, []), problems };
}

/** The registry path of a policy key, for messages and docs: `upload.redmine.url` → `HKLM\…\upload\redmine` value `url`. */
export function registryLocation(key: string, root: string = REGISTRY_POLICY_KEY_SHORT): { key: string; value: string } {
  const parts = key.split('.');
  const value = parts.pop() ?? '';
  // Sections only: list indices and leaf names stay out of the subkey path.
  const sections: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const path = parts.slice(0, i + 1);
    const node = nodeAt(path);
    if (node && isSection(node)) sections.push(parts[i]!);
    else break;
  }
  return { key: [root, ...sections].join('\\'), value };
}
