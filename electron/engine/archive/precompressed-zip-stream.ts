import { ZipArchiveEntry, ZipArchiveOutputStream, type EntryCallback } from 'compress-commons';
import type { Readable } from 'node:stream';

/** Zip compression method ids (APPNOTE 4.4.5). */
export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

/** "Version needed to extract" for entries that carry a data descriptor (APPNOTE 4.4.3). */
const VERSION_DATA_DESCRIPTOR = 20;

/** Figures of an entry's uncompressed bytes, known only once its data has been produced. */
export interface UncompressedTotals {
  crc32: number;
  size: number;
}

/** What the writer knows about an entry before its bytes are produced. */
export interface PrecompressedEntry {
  name: string;
  mtime: Date;
  method: typeof METHOD_STORED | typeof METHOD_DEFLATED;
  /** Read when the data stream ends, so the crc and size may still be accumulating until then. */
  totals: () => UncompressedTotals;
}

/**
 * archiver's zip engine (compress-commons), reused for everything it does well — local and
 * central headers, data descriptors, ZIP64 records, UTF-8 names — but fed bytes that were already
 * deflated elsewhere (in parallel, see deflate-chunk.ts) instead of deflating them itself on one
 * core. Only `_appendStream` is replaced; it mirrors the original except that the data is copied
 * through verbatim and the crc/sizes come from the caller.
 */
export class PrecompressedZipStream extends ZipArchiveOutputStream {
  private readonly totalsByEntry = new WeakMap<ZipArchiveEntry, () => UncompressedTotals>();

  constructor() {
    // DOS timestamps are local time by the zip spec; that is what unzip and Explorer display.
    super({ forceLocalTime: true });
  }

  /**
   * Appends one entry whose (already compressed, if DEFLATED) bytes come from `data`.
   * Resolves with the compressed size once the entry and its data descriptor are written.
   */
  appendPrecompressed(entry: PrecompressedEntry, data: Readable): Promise<number> {
    const ae = new ZipArchiveEntry(entry.name);
    if (ae.getName() !== entry.name) {
      // compress-commons normalises names; the writer validates them first, so this is a bug guard.
      return Promise.reject(new Error(`zip engine changed the entry name ${JSON.stringify(entry.name)}`));
    }
    ae.getGeneralPurposeBit().useUTF8ForNames(true);
    ae.setTime(entry.mtime, true);
    ae.setUnixMode(0o644);
    ae.setMethod(entry.method);
    this.totalsByEntry.set(ae, entry.totals);
    return new Promise((resolve, reject) => {
      this.entry(ae, data, (error) => (error ? reject(error) : resolve(ae.getCompressedSize())));
    });
  }

  protected override _appendStream(ae: ZipArchiveEntry, source: NodeJS.ReadableStream, callback: EntryCallback): void {
    const totals = this.totalsByEntry.get(ae);
    // Entries stay referenced until the central directory is written; their closures must not,
    // or every entry's first chunk would stay in memory until then.
    this.totalsByEntry.delete(ae);
    if (!totals) {
      callback(new Error('PrecompressedZipStream only accepts entries from appendPrecompressed()'));
      return;
    }
    // Sizes are unknown when the local header goes out, so they follow the data (bit 3).
    ae.getGeneralPurposeBit().useDataDescriptor(true);
    ae.setVersionNeededToExtract(VERSION_DATA_DESCRIPTOR);
    this._writeLocalFileHeader(ae);
    const start = this.offset;
    let settled = false;
    source.once('error', (error: Error) => {
      if (settled) return;
      settled = true;
      callback(error);
    });
    source.once('end', () => {
      if (settled) return;
      settled = true;
      // By 'end' every chunk has gone through this.write(), so offset covers the whole entry.
      const { crc32, size } = totals();
      ae.setCrc(crc32 >>> 0);
      ae.setSize(size);
      ae.setCompressedSize(this.offset - start);
      this._afterAppend(ae);
      callback(null, ae);
    });
    source.pipe(this, { end: false });
  }
}
