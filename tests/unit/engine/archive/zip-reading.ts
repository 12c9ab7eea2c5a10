/**
 * Independent readers for archives written by ZipWriter: yauzl (central directory, sizes,
 * flags, decompressed bytes with our own CRC check) and the system Info-ZIP `unzip`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { open as openYauzl, type Entry, type ZipFile } from 'yauzl';

/** One entry as read back: its central-directory record and (unless skipped) its bytes. */
export interface ReadEntry {
  name: string;
  /** General purpose bit 11: the name is UTF-8. */
  utf8Flag: boolean;
  method: number;
  size: number;
  compressedSize: number;
  crc32: number;
  mtime: Date;
  data?: Buffer;
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    openYauzl(path, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

function readEntryData(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const parts: Buffer[] = [];
      stream.on('data', (part: Buffer) => parts.push(part));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(parts)));
    });
  });
}

/**
 * Reads every entry with yauzl, in central-directory order. Entries' bytes are read unless
 * `skipData` says otherwise, and their CRC-32 is checked against the recorded one.
 */
export async function readZip(path: string, skipData: (name: string) => boolean = () => false): Promise<ReadEntry[]> {
  const zip = await openZip(path);
  const entries: ReadEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        const record: ReadEntry = {
          name: entry.fileName,
          utf8Flag: (entry.generalPurposeBitFlag & 0x800) !== 0,
          method: entry.compressionMethod,
          size: entry.uncompressedSize,
          compressedSize: entry.compressedSize,
          crc32: entry.crc32,
          mtime: entry.getLastModDate(),
        };
        entries.push(record);
        if (skipData(entry.fileName)) {
          zip.readEntry();
          return;
        }
        readEntryData(zip, entry).then((data) => {
          if ((crc32(data) >>> 0) !== entry.crc32) {
            reject(new Error(`CRC mismatch in ${entry.fileName}`));
            return;
          }
          record.data = data;
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return entries;
}

const UTF8_ENV = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

/** `unzip -t` (of all entries, or just `names`): throws (with unzip's output) unless they test OK. */
export function unzipTest(path: string, names: string[] = []): string {
  return execFileSync('unzip', ['-t', path, ...names], { env: UTF8_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `unzip -Z1`: the entry names, one per line, as Info-ZIP decodes them. */
export function unzipNames(path: string): string[] {
  return execFileSync('unzip', ['-Z1', path], { env: UTF8_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n')
    .filter((line) => line.length > 0);
}

/** SHA-256 hex of some bytes. */
export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Log-like text of about `bytes` bytes (compressible, but not trivially). */
export function logText(bytes: number, seed = 1): Buffer {
  const lines: string[] = [];
  let length = 0;
  let x = seed;
  for (let i = 0; length < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    const line = `2024-03-05T12:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}Z host-${x % 17} app[${x % 30000}]: ${['INFO', 'WARN', 'DEBUG'][x % 3]} request id=${x.toString(16)} took ${x % 997}ms\n`;
    lines.push(line);
    length += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}
