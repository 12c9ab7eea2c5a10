/**
 * The zip records the archive writer emits (APPNOTE.TXT 6.3.10), each encoded as ONE buffer: a
 * local file header, a data descriptor, and the central directory kept as one growing buffer.
 *
 * Why not archiver's engine (compress-commons, used until session 7): it writes every field as its
 * own 2–8 byte `Buffer.alloc` through a Transform, ~17 writes per central-directory record, all
 * at once when the archive is finished. For 10 000 small files that was 170 000 buffered writes
 * (~50 MB of heap, measured in a heap snapshot) on top of the peak, plus ~14 tiny buffers per
 * entry during collection, each a separate malloc. Here an entry costs three buffers, and its
 * central record ~50 bytes plus its name, written into one buffer.
 *
 * The records are those compress-commons wrote: bit 3 (sizes in a data descriptor) and bit 11
 * (UTF-8 names) on every entry, made by Unix, mode 0644, DOS time in local time; ZIP64 sizes in
 * the descriptor of an entry of 4 GiB or more, a ZIP64 extra field (size, compressed size,
 * offset) in its central record, and the ZIP64 end records when the directory needs them.
 */

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;
export type ZipMethod = typeof METHOD_STORED | typeof METHOD_DEFLATED;

const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

/** A 32-bit field holding this says "see the ZIP64 record"; so does 0xffff in a 16-bit count. */
const MAGIC32 = 0xffffffff;
const MAGIC16 = 0xffff;
const ZIP64_EXTRA_ID = 0x0001;

/** Version needed: 2.0 for data descriptors, 4.5 for ZIP64. Made by: Unix (3), spec 4.5. */
const VERSION_DESCRIPTOR = 20;
const VERSION_ZIP64 = 45;
const MADE_BY = (3 << 8) | 45;
/** Bit 3: crc and sizes follow the data. Bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
/** Regular file, rw-r--r--, in the high half; the DOS archive bit in the low half. */
const EXTERNAL_ATTRIBUTES = ((0o100644 << 16) | 0x20) >>> 0;

const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const ZIP64_EXTRA_BYTES = 28;

function writeUInt64(buffer: Buffer, value: number, offset: number): void {
  buffer.writeUInt32LE(value % 0x1_0000_0000, offset);
  buffer.writeUInt32LE(Math.floor(value / 0x1_0000_0000), offset + 4);
}

/** MS-DOS date and time of `date` in local time (what unzip and Explorer show), clamped to 1980–2043. */
export function dosDateTime(date: Date): number {
  const year = date.getFullYear();
  if (year < 1980) return 0x00210000; // 1980-01-01 00:00:00
  if (year >= 2044) return 0x7f9fbf7d; // 2043-12-31 23:59:58
  return (((year - 1980) << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) >>> 0;
}

/** The local file header of an entry whose crc and sizes follow in its data descriptor. */
export function localFileHeader(name: Buffer, method: ZipMethod, dosTime: number): Buffer {
  const header = Buffer.alloc(LOCAL_HEADER_BYTES + name.length);
  header.writeUInt32LE(SIG_LOCAL, 0);
  header.writeUInt16LE(VERSION_DESCRIPTOR, 4);
  header.writeUInt16LE(FLAGS, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(dosTime, 10);
  // crc, compressed size, size (14–25) and extra length (28) stay zero: the descriptor has them.
  header.writeUInt16LE(name.length, 26);
  name.copy(header, LOCAL_HEADER_BYTES);
  return header;
}

/** An entry needs ZIP64 fields once a size no longer fits in 32 bits. */
const entryIsZip64 = (compressedSize: number, size: number): boolean => compressedSize >= MAGIC32 || size >= MAGIC32;

/** The data descriptor after an entry's data: 8-byte sizes when the entry is ZIP64. */
export function dataDescriptor(crc: number, compressedSize: number, size: number): Buffer {
  const zip64 = entryIsZip64(compressedSize, size);
  const descriptor = Buffer.alloc(zip64 ? 24 : 16);
  descriptor.writeUInt32LE(SIG_DESCRIPTOR, 0);
  descriptor.writeUInt32LE(crc >>> 0, 4);
  if (zip64) {
    writeUInt64(descriptor, compressedSize, 8);
    writeUInt64(descriptor, size, 16);
  } else {
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(size, 12);
  }
  return descriptor;
}

/** What the central directory needs of an entry once its data and descriptor are written. */
export interface CentralRecord {
  name: Buffer;
  method: ZipMethod;
  dosTime: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its local file header starts. */
  offset: number;
}

/**
 * The central directory, encoded as entries are completed, into one buffer that doubles when
 * full: ~50 bytes plus the name per entry, instead of an object graph per entry kept until the end.
 */
export class CentralDirectory {
  private bytes = Buffer.alloc(64 * 1024);
  private length = 0;
  private entries = 0;

  get count(): number {
    return this.entries;
  }

  add(record: CentralRecord): void {
    const zip64 = entryIsZip64(record.compressedSize, record.size) || record.offset >= MAGIC32;
    const need = CENTRAL_HEADER_BYTES + record.name.length + (zip64 ? ZIP64_EXTRA_BYTES : 0);
    if (this.length + need > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.bytes.length * 2, this.length + need));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    const b = this.bytes;
    const at = this.length;
    b.writeUInt32LE(SIG_CENTRAL, at);
    b.writeUInt16LE(MADE_BY, at + 4);
    b.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_DESCRIPTOR, at + 6);
    b.writeUInt16LE(FLAGS, at + 8);
    b.writeUInt16LE(record.method, at + 10);
    b.writeUInt32LE(record.dosTime, at + 12);
    b.writeUInt32LE(record.crc >>> 0, at + 16);
    b.writeUInt32LE(zip64 ? MAGIC32 : record.compressedSize, at + 20);
    b.writeUInt32LE(zip64 ? MAGIC32 : record.size, at + 24);
    b.writeUInt16LE(record.name.length, at + 28);
    b.writeUInt16LE(zip64 ? ZIP64_EXTRA_BYTES : 0, at + 30);
    // comment length, disk number start, internal attributes: zero (the buffer is zero-filled).
    b.fill(0, at + 32, at + 38);
    b.writeUInt32LE(EXTERNAL_ATTRIBUTES, at + 38);
    b.writeUInt32LE(zip64 ? MAGIC32 : record.offset, at + 42);
    record.name.copy(b, at + CENTRAL_HEADER_BYTES);
    if (zip64) {
      const x = at + CENTRAL_HEADER_BYTES + record.name.length;
      b.writeUInt16LE(ZIP64_EXTRA_ID, x);
      b.writeUInt16LE(ZIP64_EXTRA_BYTES - 4, x + 2);
      writeUInt64(b, record.size, x + 4);
      writeUInt64(b, record.compressedSize, x + 12);
      writeUInt64(b, record.offset, x + 20);
    }
    this.length += need;
    this.entries += 1;
  }

  /**
   * The directory followed by its end records, for a directory starting at `offset` in the file
   * (the bytes written before it). ZIP64 end records come first when a count, size or offset
   * does not fit the classic end record.
   */
  finish(offset: number): Buffer[] {
    const directory = this.bytes.subarray(0, this.length);
    const zip64 = this.entries >= MAGIC16 || this.length >= MAGIC32 || offset >= MAGIC32;
    const pieces = [directory];
    if (zip64) {
      const records = Buffer.alloc(56 + 20);
      records.writeUInt32LE(SIG_ZIP64_END, 0);
      writeUInt64(records, 44, 4); // size of the rest of this record
      records.writeUInt16LE(VERSION_ZIP64, 12);
      records.writeUInt16LE(VERSION_ZIP64, 14);
      // disk numbers (16, 20): zero
      writeUInt64(records, this.entries, 24);
      writeUInt64(records, this.entries, 32);
      writeUInt64(records, this.length, 40);
      writeUInt64(records, offset, 48);
      records.writeUInt32LE(SIG_ZIP64_LOCATOR, 56);
      // disk with the ZIP64 end record (60): zero
      writeUInt64(records, offset + this.length, 64);
      records.writeUInt32LE(1, 72); // total number of disks
      pieces.push(records);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_END, 0);
    end.writeUInt16LE(zip64 ? MAGIC16 : this.entries, 8);
    end.writeUInt16LE(zip64 ? MAGIC16 : this.entries, 10);
    end.writeUInt32LE(zip64 ? MAGIC32 : this.length, 12);
    end.writeUInt32LE(zip64 ? MAGIC32 : offset, 16);
    pieces.push(end);
    return pieces;
  }
}
