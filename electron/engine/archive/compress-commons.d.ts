/**
 * Types for the part of `compress-commons` (archiver's zip engine, untyped) that the archive
 * writer uses. Only what precompressed-zip-stream.ts touches is declared; the protected members
 * are the engine's own hooks, which it calls from `entry()`.
 */
declare module 'compress-commons' {
  import { Transform } from 'node:stream';

  export class GeneralPurposeBit {
    useUTF8ForNames(on: boolean): void;
    usesUTF8ForNames(): boolean;
    useDataDescriptor(on: boolean): void;
    usesDataDescriptor(): boolean;
  }

  export class ArchiveEntry {}

  export class ZipArchiveEntry extends ArchiveEntry {
    constructor(name?: string);
    getName(): string;
    getGeneralPurposeBit(): GeneralPurposeBit;
    getMethod(): number;
    setMethod(method: number): void;
    setTime(time: Date, forceLocalTime?: boolean): void;
    setUnixMode(mode: number): void;
    getCrc(): number;
    setCrc(crc: number): void;
    getSize(): number;
    setSize(size: number): void;
    getCompressedSize(): number;
    setCompressedSize(size: number): void;
    setVersionNeededToExtract(version: number): void;
    isZip64(): boolean;
  }

  export interface ZipArchiveOutputStreamOptions {
    forceZip64?: boolean;
    forceLocalTime?: boolean;
    zlib?: { level?: number };
  }

  export type EntryCallback = (error: Error | null, entry?: ZipArchiveEntry) => void;

  export class ZipArchiveOutputStream extends Transform {
    constructor(options?: ZipArchiveOutputStreamOptions);
    /** Bytes written so far: the offset of the next byte in the archive. */
    offset: number;
    entry(entry: ZipArchiveEntry, source: NodeJS.ReadableStream | Buffer | null, callback?: EntryCallback): this | undefined;
    finish(): void;
    getBytesWritten(): number;
    isZip64(): boolean;
    protected _appendStream(entry: ZipArchiveEntry, source: NodeJS.ReadableStream, callback: EntryCallback): void;
    protected _writeLocalFileHeader(entry: ZipArchiveEntry): void;
    protected _afterAppend(entry: ZipArchiveEntry): void;
  }
}
