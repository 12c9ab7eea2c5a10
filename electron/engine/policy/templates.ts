/**
 * IT policy templates, generated from the policy schema so they cannot drift from it
 * (`npm run build:policy-templates` writes them into build/policy/; a test regenerates them and
 * compares with the committed files):
 *
 * - windows/diagcollect.admx + windows/en-US|zh-CN/diagcollect.adml — Group Policy / Intune ADMX
 *   ingestion; one policy per key, written where the registry reader looks (registry.ts).
 * - windows/example.reg — the example policy as a .reg file (`reg import`), same mapping.
 * - macos/com.diagcollect.app.mobileconfig — a configuration profile with the example policy.
 * - linux/policy.json — the example policy for /etc/diagcollect/policy.json.
 * - policy.schema.json — JSON Schema of the policy (editors validate policy.json with it).
 */
import { z } from 'zod';
import { PolicySchema, type PolicyInput } from '../../../shared/policy.js';
import { KEY_DOCS, SECTION_TITLES } from './key-docs.js';
import { REGISTRY_POLICY_KEY } from './registry.js';
import { policyLeaves, type LeafKind, type PolicyLeaf } from './schema-shape.js';
import { MAC_BUNDLE_ID } from './sources.js';

export interface TemplateFile {
  /** Relative to build/policy/. */
  path: string;
  content: Buffer;
}

const REG_ROOT = 'Software\\Policies\\DiagCollect';
const NS = 'DiagCollect.Policies.DiagCollect';
const DWORD_MAX = 0xffff_ffff;

/** An example key only: replace it with the output of `diagcollect link keygen` (its private half was discarded). */
const EXAMPLE_PUBLIC_KEY = 'UWMjgpGGJOciX4I6EHtx1BayUekMeijZiYjnwFT0ys8=';

/** The example policy every template shows; paths in the style of the platform. */
export function examplePolicy(platform: 'win32' | 'darwin' | 'linux'): PolicyInput {
  const win = platform === 'win32';
  return {
    archiveLanguage: 'zh-CN',
    appLogPaths: win ? ['%ProgramData%\\XXSoftware\\Logs\\*.log'] : platform === 'darwin' ? ['~/Library/Logs/XXSoftware/*.log'] : ['/var/log/xxsoftware/*.log', '~/.config/xxsoftware/logs/**/*.log'],
    configPaths: win ? ['%ProgramData%\\XXSoftware\\Settings\\config.xml'] : platform === 'darwin' ? ['~/Library/Preferences/com.example.xxsoftware.plist'] : ['/etc/xxsoftware'],
    disabledCollectors: ['processes'],
    screenshotAllowed: true,
    caps: { fileBytes: 20971520, collectorBytes: 209715200, filesPerPath: 200, systemLogBytes: 52428800 },
    products: [{ name: 'XXSoftware', minimumVersion: '2.0', recommendedVersion: '2.3' }],
    checks: {
      endpoints: [{ name: 'Support portal', url: 'https://support.example.com/' }],
      supportedOs: win ? [{ id: 'windows', minVersion: '10.0.19045' }] : platform === 'darwin' ? [{ id: 'macos', minVersion: '13' }] : [{ id: 'debian', minVersion: '11' }, { id: 'ubuntu', minVersion: '22.04' }],
      browsers: [{ name: win ? 'microsoft-edge' : 'google-chrome', minVersion: '120' }],
    },
    upload: {
      target: 'redmine',
      redmine: { url: 'https://redmine.example.com', project: 'support' },
      allowedHosts: ['redmine.example.com'],
    },
    redaction: { optionalRules: ['ipv4-public'], extraRules: [{ id: 'employee-id', pattern: 'EMP-\\d{6}', placeholder: 'EMPLOYEE-ID' }], allow: [] },
    linkSigning: { publicKeys: [EXAMPLE_PUBLIC_KEY], maxLifetimeHours: 168 },
    distribution: { downloadUrl: 'https://downloads.example.com/diagcollect/DiagnosticsCollector_{ticket}.exe' },
  };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function docFor(leaf: PolicyLeaf) {
  const doc = KEY_DOCS[leaf.key];
  if (!doc) throw new Error(`policy key ${leaf.key} has no documentation: add it to electron/engine/policy/key-docs.ts, then run npm run build:policy-templates`);
  return doc;
}

/** `upload.redmine.url` → `upload_redmine_url` (ADMX names are identifiers). */
const policyName = (leaf: PolicyLeaf) => leaf.path.join('_');
const regKeyOf = (leaf: PolicyLeaf) => [REG_ROOT, ...leaf.path.slice(0, -1)].join('\\');
const valueNameOf = (leaf: PolicyLeaf) => leaf.path[leaf.path.length - 1]!;
const categoryOf = (leaf: PolicyLeaf) => (leaf.path.length > 1 ? leaf.path[0]! : '');
const categoryId = (section: string) => (section ? `DiagCollect_${section}` : 'DiagCollect_general');

const REG_TYPE: Record<LeafKind, (leaf: PolicyLeaf) => string> = {
  string: () => 'REG_SZ',
  enum: () => 'REG_SZ',
  integer: (l) => ((l.node.maximum ?? 0) > DWORD_MAX ? 'REG_QWORD' : 'REG_DWORD'),
  number: () => 'REG_DWORD',
  boolean: () => 'REG_DWORD 1/0',
  'string-list': () => 'REG_MULTI_SZ',
  json: () => 'REG_SZ (JSON)',
};

function registryNote(leaf: PolicyLeaf, lang: 'en' | 'zh'): string {
  const where = `HKLM\\${regKeyOf(leaf)} → ${valueNameOf(leaf)} (${REG_TYPE[leaf.kind](leaf)})`;
  return lang === 'en' ? `Policy key: ${leaf.key}. Registry: ${where}.` : `策略键：${leaf.key}。注册表：${where}。`;
}

function admxElement(leaf: PolicyLeaf): string {
  const id = policyName(leaf);
  const v = valueNameOf(leaf);
  const n = leaf.node;
  switch (leaf.kind) {
    case 'boolean':
      return '';
    case 'enum':
      return [
        `        <enum id="${id}" valueName="${v}" required="true">`,
        ...(n.enum ?? []).map((e) => `          <item displayName="$(string.${id}_${String(e).replace(/[^A-Za-z0-9]/g, '_')})"><value><string>${xml(String(e))}</string></value></item>`),
        '        </enum>',
      ].join('\n');
    case 'integer':
    case 'number': {
      const max = n.maximum ?? DWORD_MAX;
      const tag = max > DWORD_MAX ? 'longDecimal' : 'decimal';
      return `        <${tag} id="${id}" valueName="${v}" required="true" minValue="${Math.max(0, Math.ceil(n.minimum ?? 0))}" maxValue="${Math.floor(max)}" />`;
    }
    case 'string-list':
      return `        <multiText id="${id}" valueName="${v}" required="true" />`;
    case 'string':
    case 'json':
      return `        <text id="${id}" valueName="${v}" required="true" maxLength="${Math.min(leaf.kind === 'json' ? 4096 : (n.maxLength ?? 1023), 4096)}" />`;
  }
}

function admx(leaves: PolicyLeaf[]): string {
  const sections = [...new Set(leaves.map(categoryOf))];
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push('<!-- Generated from shared/policy.ts by `npm run build:policy-templates`; do not edit by hand. -->');
  out.push('<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">');
  out.push('  <policyNamespaces>', `    <target prefix="diagcollect" namespace="${NS}" />`, '  </policyNamespaces>');
  out.push('  <resources minRequiredRevision="1.0" />');
  out.push('  <supportedOn>', '    <definitions>', '      <definition name="SUPPORTED_WIN10" displayName="$(string.SUPPORTED_WIN10)" />', '    </definitions>', '  </supportedOn>');
  out.push('  <categories>', '    <category name="DiagCollect" displayName="$(string.DiagCollect)" />');
  for (const s of sections) out.push(`    <category name="${categoryId(s)}" displayName="$(string.${categoryId(s)})">`, '      <parentCategory ref="DiagCollect" />', '    </category>');
  out.push('  </categories>', '  <policies>');
  for (const leaf of leaves) {
    docFor(leaf);
    const id = policyName(leaf);
    const bool = leaf.kind === 'boolean';
    out.push(
      `    <policy name="${id}" class="Machine" displayName="$(string.${id})" explainText="$(string.${id}_Explain)"${bool ? '' : ` presentation="$(presentation.${id})"`} key="${xml(regKeyOf(leaf))}"${bool ? ` valueName="${valueNameOf(leaf)}"` : ''}>`,
      `      <parentCategory ref="${categoryId(categoryOf(leaf))}" />`,
      '      <supportedOn ref="SUPPORTED_WIN10" />',
    );
    if (bool) out.push('      <enabledValue><decimal value="1" /></enabledValue>', '      <disabledValue><decimal value="0" /></disabledValue>');
    else out.push('      <elements>', admxElement(leaf), '      </elements>');
    out.push('    </policy>');
  }
  out.push('  </policies>', '</policyDefinitions>', '');
  return out.join('\n');
}

function presentation(leaf: PolicyLeaf, label: string): string {
  const id = policyName(leaf);
  const d = leaf.node.default;
  switch (leaf.kind) {
    case 'boolean':
      return '';
    case 'enum':
      return `        <dropdownList refId="${id}" noSort="true"${d !== undefined ? ` defaultItem="${Math.max(0, (leaf.node.enum ?? []).indexOf(d))}"` : ''}>${xml(label)}</dropdownList>`;
    case 'integer':
    case 'number': {
      const tag = (leaf.node.maximum ?? DWORD_MAX) > DWORD_MAX ? 'longDecimalTextBox' : 'decimalTextBox';
      return `        <${tag} refId="${id}"${typeof d === 'number' ? ` defaultValue="${d}"` : ''}>${xml(label)}</${tag}>`;
    }
    case 'string-list':
      return `        <multiTextBox refId="${id}">${xml(label)}</multiTextBox>`;
    case 'string':
    case 'json':
      return `        <textBox refId="${id}"><label>${xml(label)}</label></textBox>`;
  }
}

function adml(leaves: PolicyLeaf[], lang: 'en' | 'zh'): string {
  const sections = [...new Set(leaves.map(categoryOf))];
  const t = (en: string, zh: string) => (lang === 'en' ? en : zh);
  const strings: Array<[string, string]> = [
    ['DiagCollect', t('Diagnostics Collector', '诊断信息收集工具')],
    ['SUPPORTED_WIN10', t('Windows 10 or later', 'Windows 10 或更高版本')],
  ];
  for (const s of sections) strings.push([categoryId(s), SECTION_TITLES[s]?.[lang] ?? s]);
  const presentations: string[] = [];
  for (const leaf of leaves) {
    const doc = docFor(leaf)[lang];
    const id = policyName(leaf);
    strings.push([id, doc[0]], [`${id}_Explain`, `${doc[1]}\n\n${registryNote(leaf, lang)}`]);
    if (leaf.kind === 'enum') for (const e of leaf.node.enum ?? []) strings.push([`${id}_${String(e).replace(/[^A-Za-z0-9]/g, '_')}`, String(e)]);
    if (leaf.kind !== 'boolean') presentations.push(`      <presentation id="${id}">`, presentation(leaf, doc[0]), '      </presentation>');
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from shared/policy.ts by `npm run build:policy-templates`; do not edit by hand. -->',
    '<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    `  <displayName>${t('Diagnostics Collector', '诊断信息收集工具')}</displayName>`,
    `  <description>${t('Policies of Diagnostics Collector (diagcollect)', '诊断信息收集工具（diagcollect）的策略')}</description>`,
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...presentations,
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Registry values for a policy (the mapping of registry.ts, in reverse): used for example.reg.
// ---------------------------------------------------------------------------------------------

export interface RegistryEntry {
  /** Subkey below HKLM\Software\Policies\DiagCollect, '' for the key itself. */
  subkey: string;
  name: string;
  type: 'REG_SZ' | 'REG_DWORD' | 'REG_QWORD' | 'REG_MULTI_SZ';
  value: string | number | string[];
}

/** The registry values that express a policy (only keys it sets). */
export function policyToRegistry(policy: Record<string, unknown>): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  for (const leaf of policyLeaves()) {
    let value: unknown = policy;
    for (const p of leaf.path) value = (value as Record<string, unknown> | undefined)?.[p];
    if (value === undefined) continue;
    const subkey = leaf.path.slice(0, -1).join('\\');
    const name = valueNameOf(leaf);
    if (leaf.kind === 'boolean') out.push({ subkey, name, type: 'REG_DWORD', value: value ? 1 : 0 });
    else if (leaf.kind === 'integer' || leaf.kind === 'number') {
      const n = value as number;
      if (!Number.isInteger(n)) out.push({ subkey, name, type: 'REG_SZ', value: String(n) });
      else out.push({ subkey, name, type: n > DWORD_MAX ? 'REG_QWORD' : 'REG_DWORD', value: n });
    } else if (leaf.kind === 'string-list') out.push({ subkey, name, type: 'REG_MULTI_SZ', value: value as string[] });
    else if (leaf.kind === 'json') out.push({ subkey, name, type: 'REG_SZ', value: JSON.stringify(value) });
    else out.push({ subkey, name, type: 'REG_SZ', value: String(value) });
  }
  return out;
}

const hexBytes = (buf: Buffer) => [...buf].map((b) => b.toString(16).padStart(2, '0')).join(',');

/** A `.reg` file (Registry Editor 5.00: UTF-16LE with BOM, CRLF) for these entries. */
export function regFile(entries: RegistryEntry[]): Buffer {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  const subkeys = [...new Set(['', ...entries.map((e) => e.subkey)])];
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  for (const subkey of subkeys) {
    lines.push(`[${[REGISTRY_POLICY_KEY, subkey].filter(Boolean).join('\\')}]`);
    for (const e of entries.filter((x) => x.subkey === subkey)) {
      const name = `"${esc(e.name)}"`;
      if (e.type === 'REG_SZ') lines.push(`${name}="${esc(String(e.value))}"`);
      else if (e.type === 'REG_DWORD') lines.push(`${name}=dword:${(e.value as number).toString(16).padStart(8, '0')}`);
      else if (e.type === 'REG_QWORD') {
        const b = Buffer.alloc(8);
        b.writeBigUInt64LE(BigInt(e.value as number));
        lines.push(`${name}=hex(b):${hexBytes(b)}`);
      } else {
        const data = Buffer.concat([...(e.value as string[]).map((s) => Buffer.from(`${s}\0`, 'utf16le')), Buffer.from('\0', 'utf16le')]);
        lines.push(`${name}=hex(7):${hexBytes(data)}`);
      }
    }
    lines.push('');
  }
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);
}

// ---------------------------------------------------------------------------------------------
// macOS configuration profile.
// ---------------------------------------------------------------------------------------------

function plistValue(value: unknown, indent: string): string[] {
  if (typeof value === 'boolean') return [`${indent}<${value}/>`];
  if (typeof value === 'number') return Number.isInteger(value) ? [`${indent}<integer>${value}</integer>`] : [`${indent}<real>${value}</real>`];
  if (typeof value === 'string') return [`${indent}<string>${xml(value)}</string>`];
  if (Array.isArray(value)) return value.length === 0 ? [`${indent}<array/>`] : [`${indent}<array>`, ...value.flatMap((v) => plistValue(v, `${indent}\t`)), `${indent}</array>`];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return [`${indent}<dict>`, ...entries.flatMap(([k, v]) => [`${indent}\t<key>${xml(k)}</key>`, ...plistValue(v, `${indent}\t`)]), `${indent}</dict>`];
  }
  throw new Error(`cannot write ${typeof value} into a plist`);
}

function mobileconfig(policy: PolicyInput): string {
  const payload = {
    PayloadDisplayName: 'Diagnostics Collector policy',
    PayloadIdentifier: `${MAC_BUNDLE_ID}.policy.settings`,
    PayloadType: MAC_BUNDLE_ID,
    PayloadUUID: '9FD81200-1853-4352-B59A-DCE01A605FCB',
    PayloadVersion: 1,
    ...policy,
  };
  const profile = {
    PayloadContent: [payload],
    PayloadDescription: 'Example managed policy for Diagnostics Collector (diagcollect). Installed, its keys appear in /Library/Managed Preferences/com.diagcollect.app.plist and are locked in the app. Replace the example values (and the example link-signing key) before deploying.',
    PayloadDisplayName: 'Diagnostics Collector',
    PayloadIdentifier: `${MAC_BUNDLE_ID}.policy`,
    PayloadOrganization: 'Example Corp IT',
    PayloadRemovalDisallowed: true,
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: '35213D86-C11F-47A4-9B84-699D7C5A9E5C',
    PayloadVersion: 1,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plistValue(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}

/** Every template, in memory. Throws when a schema key has no documentation. */
export function policyTemplates(): TemplateFile[] {
  const leaves = policyLeaves();
  for (const leaf of leaves) docFor(leaf);
  const text = (path: string, content: string): TemplateFile => ({ path, content: Buffer.from(content, 'utf8') });
  for (const p of ['win32', 'darwin', 'linux'] as const) PolicySchema.parse(examplePolicy(p));
  const schema = { $id: 'https://diagcollect.example.com/policy.schema.json', title: 'Diagnostics Collector policy', ...(z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' }) as object) };
  return [
    text('windows/diagcollect.admx', admx(leaves)),
    text('windows/en-US/diagcollect.adml', adml(leaves, 'en')),
    text('windows/zh-CN/diagcollect.adml', adml(leaves, 'zh')),
    { path: 'windows/example.reg', content: regFile(policyToRegistry(examplePolicy('win32') as Record<string, unknown>)) },
    text(`macos/${MAC_BUNDLE_ID}.mobileconfig`, mobileconfig(examplePolicy('darwin'))),
    text('linux/policy.json', `${JSON.stringify(examplePolicy('linux'), null, 2)}\n`),
    text('policy.schema.json', `${JSON.stringify(schema, null, 2)}\n`),
  ];
}
