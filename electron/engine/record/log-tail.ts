/**
 * The lines appended to logs while recording: at Start each log's size is noted, and from then
 * on only the bytes past it are read (a poll each second: one stat per log, a read when it
 * grew), so a log of gigabytes costs nothing and nothing written before Start is taken. A log
 * that shrinks was rotated or cut: it is read again from its start and marked. A file that
 * matches the policy's patterns only later was created during the recording: read whole.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { safeEntryPart, uniqueName } from '../collectors/support/copy-files.js';
import { expandPath, resolvePathPattern } from '../platform/paths.js';
import type { TailedLog } from './types.js';

const READ_CHUNK = 1 << 20;

interface Followed {
  source: string;
  offset: number;
  out: WriteStream;
  file: string;
  bytes: number;
  rotated: boolean;
  capped: boolean;
}

export interface LogTailOptions {
  /** Folder the appended lines are written to (one file per log). */
  dir: string;
  /** Per log: bytes kept at most (the first ones: the recording's start is what matters). */
  maxBytes: number;
  /** Over all logs together (so many logs cannot push a recording past its size bound); default: no bound beyond maxBytes each. */
  totalBytes?: number;
}

export class LogTail {
  private readonly followed = new Map<string, Followed>();
  private readonly names = new Set<string>();
  private busy: Promise<void> = Promise.resolve();
  private total = 0;

  constructor(private readonly options: LogTailOptions) {}

  /** Follows `file` from its current end (`fromStart`: a file created during the recording, from 0). */
  async follow(file: string, fromStart = false): Promise<boolean> {
    if (this.followed.has(file)) return true;
    let size: number;
    try {
      const st = await stat(file);
      if (!st.isFile()) return false;
      size = st.size;
    } catch {
      return false;
    }
    const name = uniqueName(`${safeEntryPart(path.basename(file))}`, this.names);
    const out = path.join(this.options.dir, name);
    this.followed.set(file, { source: file, offset: fromStart ? 0 : size, out: createWriteStream(out, { mode: 0o600 }), file: name, bytes: 0, rotated: false, capped: false });
    return true;
  }

  /** Reads what was appended since the last poll (polls never overlap). */
  poll(): Promise<void> {
    this.busy = this.busy.then(() => this.readAll());
    return this.busy;
  }

  private async readAll(): Promise<void> {
    for (const f of this.followed.values()) {
      if (f.capped) continue;
      let size: number;
      try {
        size = (await stat(f.source)).size;
      } catch {
        continue; // removed for now (rotation in progress): looked at again next time
      }
      if (size < f.offset) {
        f.offset = 0;
        f.rotated = true;
      }
      if (size === f.offset) continue;
      const handle = await open(f.source, 'r').catch(() => undefined);
      if (!handle) continue;
      try {
        while (f.offset < size && !f.capped) {
          const want = Math.min(READ_CHUNK, size - f.offset, this.options.maxBytes - f.bytes, (this.options.totalBytes ?? Infinity) - this.total);
          if (want <= 0) {
            f.capped = true;
            break;
          }
          const buf = Buffer.allocUnsafe(want);
          const { bytesRead } = await handle.read(buf, 0, want, f.offset);
          if (bytesRead === 0) break;
          f.offset += bytesRead;
          f.bytes += bytesRead;
          this.total += bytesRead;
          await new Promise<void>((resolve, reject) => f.out.write(buf.subarray(0, bytesRead), (err) => (err ? reject(err) : resolve())));
        }
      } finally {
        await handle.close();
      }
    }
  }

  /** The last read, then the files closed; what each log gave. */
  async finish(): Promise<TailedLog[]> {
    await this.poll();
    const out: TailedLog[] = [];
    for (const f of this.followed.values()) {
      await new Promise<void>((resolve) => f.out.end(resolve));
      out.push({ source: f.source, file: f.file, bytes: f.bytes, ...(f.rotated ? { rotated: true } : {}), ...(f.capped ? { capped: true } : {}) });
    }
    return out;
  }
}

/** The files the policy's log patterns name now (expanded; missing ones left out). */
export async function policyLogFiles(patterns: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform, maxFiles: number): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const expanded = expandPath(pattern, env, platform);
    if (!expanded.ok) continue;
    const resolved = await resolvePathPattern(expanded.path, { maxFiles, platform }).catch(() => undefined);
    for (const f of resolved?.files ?? []) files.push(f.path);
  }
  return files;
}
