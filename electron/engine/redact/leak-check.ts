/**
 * The last look before anything leaves the machine: the finished archive is scanned for this
 * machine's identifiers and the secrets the rules found (the Redactor's seen values). A hit means
 * a value a rule hid in one place still stands somewhere else — an item that was not redacted
 * (binary, or redaction off) or a form the rules missed. Streamed entry by entry, bounded memory.
 */
import yauzl from 'yauzl';

export interface LeakHit {
  /** The entry that holds the value. */
  entry: string;
  /** 1-based line of the first occurrence in that entry. */
  line: number;
  /** Which value, masked (first and last character): never printed whole. */
  masked: string;
}

/** `a***e` — enough for the user to recognise the value, not enough to leak it again. */
export function maskValue(value: string): string {
  const chars = [...value];
  return chars.length <= 2 ? '*'.repeat(chars.length) : `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 8))}${chars.at(-1)}`;
}

/**
 * The values worth looking for: at least 4 characters, minus those the user typed into the
 * intake (a contact e-mail given on purpose for support is not a leak).
 */
export function leakCandidates(seen: Iterable<string>, intakeText: string): string[] {
  const intake = intakeText.toLowerCase();
  const out = new Set<string>();
  for (const v of seen) {
    const value = v.trim();
    if (value.length >= 4 && !intake.includes(value.toLowerCase())) out.add(value);
  }
  return [...out];
}

/** Scans every entry of a zip for the values (case-insensitive); one hit per value and entry. */
export async function scanArchiveForLeaks(archivePath: string, values: readonly string[]): Promise<LeakHit[]> {
  if (values.length === 0) return [];
  const needles = values.map((v) => ({ value: v, lower: Buffer.from(v.toLowerCase(), 'utf8') }));
  const overlap = Math.max(...needles.map((n) => n.lower.length)) - 1;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(archivePath, { lazyEntries: true }, (err, z) => (err || !z ? reject(err) : resolve(z))));
  const hits: LeakHit[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const found = new Set<string>();
          let tail = Buffer.alloc(0);
          let linesBefore = 0; // newlines before `tail`
          stream.on('data', (chunk: Buffer) => {
            const window = Buffer.concat([tail, lowerAscii(chunk)]);
            for (const n of needles) {
              if (found.has(n.value)) continue;
              const at = window.indexOf(n.lower);
              if (at >= 0) {
                found.add(n.value);
                hits.push({ entry: entry.fileName, line: linesBefore + countNewlines(window, at) + 1, masked: maskValue(n.value) });
              }
            }
            const keep = Math.min(overlap, window.length);
            linesBefore += countNewlines(window, window.length - keep);
            tail = window.subarray(window.length - keep);
          });
          stream.on('error', reject);
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return hits;
}

/** Lower-cases ASCII letters only (values are matched byte-wise; non-ASCII compares exactly). */
function lowerAscii(chunk: Buffer): Buffer {
  const out = Buffer.from(chunk);
  for (let i = 0; i < out.length; i += 1) {
    const b = out[i]!;
    if (b >= 0x41 && b <= 0x5a) out[i] = b + 32;
  }
  return out;
}

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0 && i < end; i = buf.indexOf(10, i + 1)) n += 1;
  return n;
}
