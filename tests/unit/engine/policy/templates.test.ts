/**
 * The IT templates in build/policy/ are generated from the policy schema; this test regenerates
 * them and compares, so they cannot drift (fix: `npm run build:policy-templates`). It also checks
 * that each file is what its consumer expects: well-formed ADMX/ADML whose every reference
 * resolves and whose registry keys are where the registry reader looks, a configuration profile
 * that is a valid plist, and examples that pass the policy's own validation.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../../electron/engine/policy/load.js';
import { registryLocation } from '../../../../electron/engine/policy/registry.js';
import { policyLeaves } from '../../../../electron/engine/policy/schema-shape.js';
import { examplePolicy, policyTemplates, policyToRegistry, type RegistryEntry } from '../../../../electron/engine/policy/templates.js';
import { PolicySchema } from '../../../../shared/policy.js';

const DIR = fileURLToPath(new URL('../../../../build/policy/', import.meta.url));
const read = (path: string) => readFileSync(join(DIR, path));

function parseXml(path: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(read(path).toString('utf8'), 'text/xml');
  expect(errors, `${path} is not well-formed XML`).toEqual([]);
  return doc;
}

const elements = (doc: Document | Element, tag: string) => Array.from(doc.getElementsByTagName(tag)) as Element[];
/** The first child element (xmldom has no firstElementChild). */
const firstChild = (el: Element | undefined) => (el ? (Array.from(el.childNodes).find((n) => n.nodeType === 1) as Element | undefined) : undefined);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [relative(DIR, full)];
  });
}

/** A small reader for the .reg format (the inverse of regFile), enough for our own output. */
function parseRegFile(data: Buffer): RegistryEntry[] {
  expect([...data.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const text = data.subarray(2).toString('utf16le');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  const out: RegistryEntry[] = [];
  let subkey = '';
  const unescape = (s: string) => s.replace(/\\(["\\])/g, '$1');
  for (const line of lines.slice(1)) {
    const key = /^\[HKEY_LOCAL_MACHINE\\Software\\Policies\\DiagCollect(?:\\(.*))?\]$/.exec(line);
    if (key) {
      subkey = key[1] ?? '';
      continue;
    }
    const m = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!m) continue;
    const name = unescape(m[1]!);
    const v = m[2]!;
    if (v.startsWith('"')) out.push({ subkey, name, type: 'REG_SZ', value: unescape(v.slice(1, -1)) });
    else if (v.startsWith('dword:')) out.push({ subkey, name, type: 'REG_DWORD', value: Number.parseInt(v.slice(6), 16) });
    else if (v.startsWith('hex(b):')) out.push({ subkey, name, type: 'REG_QWORD', value: Number(Buffer.from(v.slice(7).split(',').map((h) => Number.parseInt(h, 16))).readBigUInt64LE()) });
    else if (v.startsWith('hex(7):')) {
      const s = Buffer.from(v.slice(7).split(',').map((h) => Number.parseInt(h, 16))).toString('utf16le');
      out.push({ subkey, name, type: 'REG_MULTI_SZ', value: s.split('\0').slice(0, -2) });
    }
  }
  return out;
}

describe('policy templates (build/policy)', () => {
  const generated = policyTemplates();

  it('match what the schema generates, file for file (run npm run build:policy-templates)', () => {
    expect(listFiles(DIR).filter((f) => f !== 'generate.mjs' && f !== '.gitattributes').sort()).toEqual(generated.map((g) => g.path).sort());
    for (const file of generated) expect(read(file.path).equals(file.content), `build/policy/${file.path} is out of date: run npm run build:policy-templates`).toBe(true);
  });

  it('ADMX: well-formed, one policy per schema key, at the registry path the reader uses', () => {
    const doc = parseXml('windows/diagcollect.admx');
    expect(doc.documentElement?.nodeName).toBe('policyDefinitions');
    expect(doc.documentElement?.getAttribute('xmlns')).toBe('http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions');
    const policies = elements(doc, 'policy');
    const leaves = policyLeaves();
    expect(policies.map((p) => p.getAttribute('name'))).toEqual(leaves.map((l) => l.path.join('_')));
    for (const [i, leaf] of leaves.entries()) {
      const p = policies[i]!;
      const where = registryLocation(leaf.key);
      expect(`HKLM\\${p.getAttribute('key')}`).toBe(where.key);
      const valueName = p.getAttribute('valueName') || firstChild(elements(p, 'elements')[0])?.getAttribute('valueName');
      expect(valueName, leaf.key).toBe(where.value);
      const element = firstChild(elements(p, 'elements')[0])?.nodeName;
      const expected = { boolean: undefined, enum: 'enum', integer: (leaf.node.maximum ?? 0) > 0xffffffff ? 'longDecimal' : 'decimal', number: 'decimal', 'string-list': 'multiText', string: 'text', json: 'text' }[leaf.kind];
      expect(element, leaf.key).toBe(expected);
      if (leaf.kind === 'boolean') expect(elements(p, 'enabledValue')[0]?.getElementsByTagName('decimal')[0]?.getAttribute('value')).toBe('1');
    }
  });

  it('ADML (en-US, zh-CN): well-formed, and every string and presentation the ADMX names exists', () => {
    const admx = read('windows/diagcollect.admx').toString('utf8');
    const strings = new Set([...admx.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g)].map((m) => m[1]!));
    const presentations = new Set([...admx.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g)].map((m) => m[1]!));
    const admxDoc = parseXml('windows/diagcollect.admx');
    for (const lang of ['en-US', 'zh-CN']) {
      const doc = parseXml(`windows/${lang}/diagcollect.adml`);
      expect(doc.documentElement?.nodeName).toBe('policyDefinitionResources');
      const defined = new Set(elements(doc, 'string').map((s) => s.getAttribute('id')!));
      for (const id of strings) expect(defined.has(id), `${lang}: string ${id}`).toBe(true);
      const pres = elements(doc, 'presentation');
      expect(new Set(pres.map((p) => p.getAttribute('id')))).toEqual(presentations);
      for (const p of pres) {
        const policy = elements(admxDoc, 'policy').find((x) => x.getAttribute('name') === p.getAttribute('id'))!;
        const ids = firstChild(elements(policy, 'elements')[0])!.getAttribute('id');
        expect(firstChild(p)?.getAttribute('refId')).toBe(ids);
      }
    }
    const zh = read('windows/zh-CN/diagcollect.adml').toString('utf8');
    expect(zh).toContain('诊断信息收集工具');
    expect(zh).toContain('支持链接公钥');
  });

  it('.mobileconfig: a valid plist profile whose payload is a valid policy for com.diagcollect.app', () => {
    parseXml('macos/com.diagcollect.app.mobileconfig');
    const profile = plist.parse(read('macos/com.diagcollect.app.mobileconfig').toString('utf8')) as Record<string, unknown>;
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadScope: 'System', PayloadVersion: 1 });
    expect(profile.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const [payload] = profile.PayloadContent as Array<Record<string, unknown>>;
    expect(payload).toMatchObject({ PayloadType: 'com.diagcollect.app', PayloadVersion: 1 });
    const policy = Object.fromEntries(Object.entries(payload!).filter(([k]) => !k.startsWith('Payload')));
    expect(PolicySchema.parse(policy)).toEqual(PolicySchema.parse(examplePolicy('darwin')));
  });

  it('linux/policy.json: passes the policy validation and its own JSON Schema', () => {
    const json = JSON.parse(read('linux/policy.json').toString('utf8')) as unknown;
    expect(parsePolicy(json, 'build/policy/linux/policy.json')).toEqual(PolicySchema.parse(examplePolicy('linux')));
    const schema = JSON.parse(read('policy.schema.json').toString('utf8')) as object;
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(json as object), colectors: [] })).toBe(false);
  });

  it('example.reg: Registry Editor 5.00 text holding the example policy in the documented mapping', () => {
    const order = (list: RegistryEntry[]) => [...list].sort((a, b) => `${a.subkey}\\${a.name}`.localeCompare(`${b.subkey}\\${b.name}`));
    expect(order(parseRegFile(read('windows/example.reg')))).toEqual(order(policyToRegistry(examplePolicy('win32') as Record<string, unknown>)));
  });
});
