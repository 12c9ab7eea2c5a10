/**
 * The log of unattended runs (`diagcollect collect --silent`): `<data dir>/logs/diagcollect.log`,
 * one line per event, rotated at 256 KiB with three old files kept (about 1 MiB at most). It
 * records what ran and how it ended — never file contents, never secrets: URLs lose their user,
 * password and query, and anything shaped like `token=…`, `key: …` or `Authorization …` is
 * masked before it is written.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const RUN_LOG_MAX_BYTES = 256 * 1024;
export const RUN_LOG_KEEP = 3;

export function runLogFile(dataDirectory: string): string {
  return join(dataDirectory, 'logs', 'diagcollect.log');
}

/** Masks what could be a secret in a log line. */
export function scrubLogText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1')
      .replace(/(https?:\/\/[^\s?#]+)\?[^\s#]*/gi, '$1?…')
      .replace(/\b(authorization|api[-_]?key|token|password|passwd|secret|sig)(\s*[:=]\s*|\s+)(bearer\s+|basic\s+|token\s+)?[^\s&,;]+/gi, '$1$2[masked]')
      .replace(/\n/g, ' | ')
  );
}

export interface RunLog {
  info(message: string): void;
  error(message: string): void;
  /** Writes what was logged so far; never throws (a log that cannot be written must not fail the run). */
  flush(): Promise<void>;
  readonly file: string;
}

async function rotate(file: string, incoming: number): Promise<void> {
  const size = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  if (size + incoming <= RUN_LOG_MAX_BYTES) return;
  for (let i = RUN_LOG_KEEP - 1; i >= 1; i -= 1) await rename(`${file}.${i}`, `${file}.${i + 1}`).catch(() => undefined);
  await rename(file, `${file}.1`).catch(() => undefined);
}

/** A run log that buffers lines and appends them on flush (rotating first when full). */
export function createRunLog(dataDirectory: string, now: () => Date = () => new Date()): RunLog {
  const file = runLogFile(dataDirectory);
  let pending: string[] = [];
  const add = (level: string, message: string) => pending.push(`${now().toISOString()} ${level} [${process.pid}] ${scrubLogText(message).slice(0, 2000)}\n`);
  return {
    file,
    info: (m) => add('INFO ', m),
    error: (m) => add('ERROR', m),
    async flush() {
      if (pending.length === 0) return;
      const text = pending.join('');
      pending = [];
      try {
        await mkdir(join(dataDirectory, 'logs'), { recursive: true });
        await rotate(file, Buffer.byteLength(text));
        await appendFile(file, text, { mode: 0o600 });
      } catch {
        /* best effort */
      }
    },
  };
}
