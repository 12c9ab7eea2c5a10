/** What was written for one archive entry. */
export interface EntryResult {
  /** Entry name inside the archive (UTF-8, `/`-separated). */
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** Bytes the entry's data occupies in the archive (deflated, or equal to size when stored). */
  compressedSize: number;
  /** SHA-256 of the uncompressed bytes, lowercase hex. */
  sha256: string;
  /** CRC-32 of the uncompressed bytes, as stored in the zip (unsigned). */
  crc32: number;
}
