/**
 * Where policy comes from, one reader per source. Each returns the raw object as written (not yet
 * validated) or says the source is absent; a source that cannot be read is a problem of that
 * source, never an exception.
 *
 * | source   | where                                                                 |
 * |----------|-----------------------------------------------------------------------|
 * | managed  | Windows `HKLM\Software\Policies\DiagCollect` (`reg query /s`); macOS `/Library/Managed Preferences/com.diagcollect.app.plist` (`plutil -convert json`); Linux `/etc/diagcollect/policy.json` |
 * | file     | `--policy FILE` (JSON)                                                |
 * | user     | `<data dir>/settings.json` (what the user chose in the app)           |
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CommandNotFoundError, exec } from '../platform/exec.js';
import type { PolicyIssue } from '../../../shared/input-errors.js';
import { duplicateKeyReason, duplicateKeys } from './duplicates.js';
import { parseRegQuery, REGISTRY_POLICY_KEY, REGISTRY_POLICY_KEY_SHORT, registryToPolicy } from './registry.js';

/** The app's bundle id (electron-builder `appId`): the macOS preference domain. */
export const MAC_BUNDLE_ID = 'com.diagcollect.app';
export const MAC_MANAGED_POLICY = `/Library/Managed Preferences/${MAC_BUNDLE_ID}.plist`;
export const LINUX_MANAGED_POLICY = '/etc/diagcollect/policy.json';
/** Larger than any sensible policy; a bigger source is refused before it is parsed. */
export const MAX_POLICY_BYTES = 1024 * 1024;

export type PolicySourceKind = 'managed' | 'file' | 'user';

export interface SourceIssue {
  /** Policy key (`upload.redmine.url`), or '' for the whole source. */
  key: string;
  /** Where inside the source, when that is not obvious from the key (a registry path). */
  where?: string;
  reason: string;
  /** `reason` without words, when it is not the key's own rule (a key written twice). */
  issue?: PolicyIssue;
}

export interface SourceRead {
  kind: PolicySourceKind;
  /** File path or registry key. */
  location: string;
  /** false: the source does not exist on this computer (not an error). */
  present: boolean;
  raw?: unknown;
  issues: SourceIssue[];
}

export type RunCommand = (command: string, args: string[]) => Promise<{ code: number | null; stdout: Buffer; stderr: string }>;

/** Runs reg.exe / plutil with a timeout; output beyond MAX_POLICY_BYTES is cut (and then refused). */
export const runCommand: RunCommand = async (command, args) => {
  const r = await exec(command, args, { timeoutMs: 15_000, maxBytes: MAX_POLICY_BYTES + 1, keep: 'head', env: process.env });
  return { code: r.timedOut ? null : r.code, stdout: r.stdout, stderr: r.stderr };
};

const whole = (reason: string): SourceIssue[] => [{ key: '', reason }];

export type PolicyBytes = { ok: true; data: Buffer } | { ok: false; missing: boolean; reason: string };

/** Why a file-system error means the policy cannot be read, in words. */
function readErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'cannot read it: the file does not exist';
    case 'EISDIR':
      return 'cannot read it: it is a folder, not a JSON file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read it: no permission to read it';
    case 'ELOOP':
      return 'cannot read it: it is a symbolic link loop';
    default:
      return `cannot read it: ${(err as Error).message}`;
  }
}

/** Why a policy path that is not a regular file is refused. */
function notRegularReason(st: import('node:fs').Stats): string {
  if (st.isDirectory()) return 'it is a folder, not a JSON file';
  if (st.isFIFO()) return 'it is a FIFO (named pipe), not a file; a policy must be a regular file (reading a pipe could wait forever)';
  if (st.isSocket()) return 'it is a socket, not a file; a policy must be a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'it is a device, not a file; a policy must be a regular file';
  return 'it is not a regular file; a policy must be a regular file';
}

// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer, so a FIFO (or a
// file swapped for one) given as a policy is refused instead of hanging the program.
const OPEN_FLAGS = process.platform === 'win32' ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

/**
 * Reads a policy file safely: opened without blocking, checked on the open handle to be a
 * regular file of at most MAX_POLICY_BYTES, and never read past that (a file that grows while
 * it is read is refused too). Every refusal is a reason, never an exception.
 */
export async function readPolicyBytes(file: string): Promise<PolicyBytes> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (err) {
    return { ok: false, missing: (err as NodeJS.ErrnoException).code === 'ENOENT', reason: readErrorReason(err) };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, missing: false, reason: notRegularReason(st) };
    const tooBig = (size: number) => ({ ok: false as const, missing: false, reason: `it is ${size} bytes; a policy is at most ${MAX_POLICY_BYTES} bytes (1 MiB): keep only the keys you set` });
    if (st.size > MAX_POLICY_BYTES) return tooBig(st.size);
    const buf = Buffer.alloc(MAX_POLICY_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_POLICY_BYTES) return tooBig(length);
    }
    return { ok: true, data: buf.subarray(0, length) };
  } catch (err) {
    return { ok: false, missing: false, reason: readErrorReason(err) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A JSON policy file; `optional`: a missing file is an absent source, not an error. */
export async function readJsonSource(kind: PolicySourceKind, file: string, optional: boolean): Promise<SourceRead> {
  const read = await readPolicyBytes(file);
  if (!read.ok) {
    if (read.missing && optional) return { kind, location: file, present: false, issues: [] };
    return { kind, location: file, present: true, issues: whole(read.reason) };
  }
  const json = read.data.toString('utf8').replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    return { kind, location: file, present: true, issues: whole(`not valid JSON (${(err as Error).message})`) };
  }
  // A key written twice: which value IT meant is unknown, so the key is refused (effective.ts).
  const issues = duplicateKeys(json).map((d): SourceIssue => ({ key: d.key, reason: duplicateKeyReason(d), issue: { code: 'duplicate-key', lines: `${d.firstLine}, ${d.line}` } }));
  return { kind, location: file, present: true, raw, issues };
}

/** `<data dir>/settings.json`. */
export function userSettingsFile(dataDirectory: string): string {
  return join(dataDirectory, 'settings.json');
}

/** reg.exe prints in the console code page: UTF-16 with a BOM, UTF-8, else the zh-CN code page (GBK/GB18030). */
export function decodeConsoleText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return iconv.decode(data, 'gb18030');
  }
}

/** Windows: `reg query HKLM\Software\Policies\DiagCollect /s`. */
export async function readRegistrySource(run: RunCommand = runCommand): Promise<SourceRead> {
  const location = REGISTRY_POLICY_KEY_SHORT;
  let r;
  try {
    r = await run('reg', ['query', REGISTRY_POLICY_KEY, '/s']);
  } catch (err) {
    return { kind: 'managed', location, present: true, issues: whole(err instanceof CommandNotFoundError ? 'reg.exe was not found, so the managed policy could not be read' : `reg query failed: ${(err as Error).message}`) };
  }
  const text = decodeConsoleText(r.stdout);
  // reg.exe exits 1 with "unable to find the specified registry key" when nothing is deployed.
  if (r.code === 1 && text.trim() === '') return { kind: 'managed', location, present: false, issues: [] };
  if (r.code !== 0) return { kind: 'managed', location, present: true, issues: whole(r.code === null ? 'reg query did not finish in time' : `reg query failed (exit ${r.code}): ${r.stderr.trim().slice(0, 300)}`) };
  if (r.stdout.length > MAX_POLICY_BYTES) return { kind: 'managed', location, present: true, issues: whole(`the key holds more than ${MAX_POLICY_BYTES} bytes of values; a policy is smaller`) };
  const { raw, problems } = registryToPolicy(parseRegQuery(text, REGISTRY_POLICY_KEY));
  return { kind: 'managed', location, present: true, raw, issues: problems };
}

/** macOS: the managed preferences plist (written by the MDM profile), converted by `plutil`. */
export async function readPlistSource(file: string = MAC_MANAGED_POLICY, run: RunCommand = runCommand): Promise<SourceRead> {
  // Checked here (regular file, size) before plutil reads it: plutil would wait forever on a FIFO.
  const read = await readPolicyBytes(file);
  if (!read.ok) {
    if (read.missing) return { kind: 'managed', location: file, present: false, issues: [] };
    return { kind: 'managed', location: file, present: true, issues: whole(read.reason) };
  }
  let r;
  try {
    r = await run('plutil', ['-convert', 'json', '-o', '-', file]);
  } catch (err) {
    return { kind: 'managed', location: file, present: true, issues: whole(err instanceof CommandNotFoundError ? 'plutil was not found, so the managed preferences could not be read' : `plutil failed: ${(err as Error).message}`) };
  }
  if (r.code !== 0) {
    // plutil refuses plists holding <date> or <data>, which no policy key takes.
    return { kind: 'managed', location: file, present: true, issues: whole(`plutil could not convert it (exit ${r.code ?? 'timeout'}): ${(r.stderr || r.stdout.toString('utf8')).trim().slice(0, 300)}; policy values are text, numbers, true/false, arrays and dictionaries only`) };
  }
  try {
    const raw: unknown = JSON.parse(r.stdout.toString('utf8'));
    // A profile's own bookkeeping (PayloadUUID, PayloadVersion …) is not policy.
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) for (const k of Object.keys(raw)) if (/^Payload[A-Z]/.test(k)) delete (raw as Record<string, unknown>)[k];
    return { kind: 'managed', location: file, present: true, raw, issues: [] };
  } catch (err) {
    return { kind: 'managed', location: file, present: true, issues: whole(`plutil printed something that is not JSON (${(err as Error).message})`) };
  }
}

/** The managed source of this platform. */
export function readManagedSource(platform: NodeJS.Platform, options: { run?: RunCommand; macPlist?: string; linuxFile?: string } = {}): Promise<SourceRead> {
  if (platform === 'win32') return readRegistrySource(options.run);
  if (platform === 'darwin') return readPlistSource(options.macPlist ?? MAC_MANAGED_POLICY, options.run);
  return readJsonSource('managed', options.linuxFile ?? LINUX_MANAGED_POLICY, true);
}
