/**
 * A recording CollectorContext for collector tests: real `exec` (bound to the signal), real
 * `prepareFile` behind `addFile`, and every item, skip and warning kept for the test to check.
 */
import type { Readable } from 'node:stream';
import { standardName, type ArchiveLanguage } from '../../../../shared/naming.js';
import { englishReason } from '../../../../shared/i18n/translate.js';
import { DEFAULT_POLICY, PolicySchema, type Policy, type PolicyInput } from '../../../../shared/policy.js';
import type { Platform } from '../../../../shared/types.js';
import type { Reason } from '../../../../shared/reasons.js';
import type { AddDataOptions, AddFileOptions, CollectorContext } from '../../../../electron/engine/collectors/types.js';
import { exec } from '../../../../electron/engine/platform/exec.js';
import { prepareFile, type OpenedFile } from '../../../../electron/engine/platform/files.js';

export interface RecordedItem {
  name: string;
  source: string;
  kind: 'text' | 'binary';
  data?: Buffer;
  truncated?: boolean;
  note?: string;
  open?: () => Promise<OpenedFile>;
  /** For addFile items: the prepared size. */
  size?: number;
}

export interface FakeContextOptions {
  policy?: PolicyInput;
  platform?: Platform;
  lang?: ArchiveLanguage;
  since?: Date;
  signal?: AbortSignal;
}

export interface FakeContext extends CollectorContext {
  items: RecordedItem[];
  skips: Array<{ source: string; reason: string }>;
  /** The codes of the skips that had one, by source (the English text is in `skips`). */
  skipCodes: Array<{ source: string; code: Reason }>;
  warnings: string[];
  /** Every exec call, in order. */
  commands: string[];
  item(name: string): RecordedItem;
  /** The bytes of an item: in-memory data, or the file streamed through its `open()`. */
  read(name: string): Promise<{ data: Buffer; truncated: boolean; note?: string }>;
  text(name: string): Promise<string>;
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function createFakeContext(options: FakeContextOptions = {}): FakeContext {
  const policy: Policy = options.policy ? PolicySchema.parse(options.policy) : DEFAULT_POLICY;
  const lang = options.lang ?? 'en';
  const signal = options.signal ?? new AbortController().signal;
  const items: RecordedItem[] = [];
  const skips: Array<{ source: string; reason: string }> = [];
  const skipCodes: Array<{ source: string; code: Reason }> = [];
  const warnings: string[] = [];
  const commands: string[] = [];
  const addData = (name: string, data: Buffer, source: string, kind: 'text' | 'binary', o: AddDataOptions = {}) => {
    items.push({ name, source, kind, data, truncated: o.truncated, note: o.note });
  };

  const ctx: FakeContext = {
    signal,
    policy,
    platform: options.platform ?? 'linux',
    since: options.since ?? new Date(Date.now() - 24 * 3600 * 1000),
    lang,
    items,
    skips,
    skipCodes,
    warnings,
    commands,
    name: (key) => standardName(key, lang),
    exec: (command, args, execOptions = {}) => {
      commands.push([command, ...args].join(' '));
      return exec(command, args, { ...execOptions, signal });
    },
    addText: (name, text, source, o) => addData(name, Buffer.from(text, 'utf8'), source, 'text', o),
    addJson: (name, value, source) => addData(name, Buffer.from(`${JSON.stringify(value, null, 2)}\n`), source, 'text'),
    addBuffer: (name, data, source, kind, o) => addData(name, data, source, kind, o),
    async addFile(name: string, path: string, o: AddFileOptions = {}) {
      const prepared = await prepareFile(path, { maxBytes: o.maxBytes ?? policy.caps.fileBytes, mode: o.mode ?? 'tail' });
      if (!prepared.ok) {
        skips.push({ source: path, reason: prepared.reason });
        return false;
      }
      items.push({ name, source: path, kind: o.kind ?? 'text', open: prepared.open, size: prepared.size, truncated: prepared.truncated });
      return { bytes: prepared.size };
    },
    skip: (source, reason, detail) => {
      skips.push({ source, reason: typeof reason === 'string' ? reason : (detail ?? englishReason(reason)) });
      if (typeof reason !== 'string') skipCodes.push({ source, code: reason });
    },
    warn: (message) => void warnings.push(message),
    item(name) {
      const found = items.find((i) => i.name === name);
      if (!found) throw new Error(`no item "${name}"; items: ${items.map((i) => i.name).join(', ') || '(none)'}; skips: ${JSON.stringify(skips)}`);
      return found;
    },
    async read(name) {
      const it = ctx.item(name);
      if (it.data) return { data: it.data, truncated: it.truncated ?? false, note: it.note };
      const opened = await it.open!();
      const data = await drain(opened.stream);
      return { data, truncated: opened.truncated, note: opened.note };
    },
    async text(name) {
      return (await ctx.read(name)).data.toString('utf8');
    },
  };
  return ctx;
}
