import { createHash } from 'node:crypto';
import yauzl from 'yauzl';

export interface ReadEntry {
  name: string;
  data: Buffer;
  utf8Flag: boolean;
}

/** Reads every entry of a zip with yauzl (an independent reader), whole, for tests. */
export function readZip(path: string): Promise<ReadEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: ReadEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks), utf8Flag: (entry.generalPurposeBitFlag & 0x800) !== 0 });
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
