/**
 * Where `baseline build` finds archives: .zip files named on the command line, folders (walked
 * lazily, so a folder of 100 000 archives is never listed into memory at once) and
 * s3://bucket/prefix. Each yields a way to open the archive as a RangeSource.
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { errnoCause, InputError } from '../errors.js';
import { fileSource, type RangeSource } from '../compare/archive-reader.js';

export interface ArchiveRef {
  label: string;
  open(): Promise<RangeSource>;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for await (const entry of await opendir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && entry.name.endsWith('.zip') && !entry.name.startsWith('.')) yield path;
  }
}

export interface SourceOptions {
  /** Built on first use of an s3:// source (the SDK is loaded only then). */
  s3?: () => Promise<S3Client>;
  signal?: AbortSignal;
}

export async function* archiveRefs(sources: readonly string[], options: SourceOptions = {}): AsyncGenerator<ArchiveRef> {
  for (const source of sources) {
    if (source.startsWith('s3://')) {
      const { listS3Archives, parseS3Url, s3Client, s3RangeSource } = await import('./s3-source.js');
      const location = parseS3Url(source);
      const client = options.s3 ? await options.s3() : s3Client();
      for await (const o of listS3Archives(client, location, options.signal)) {
        yield { label: `s3://${location.bucket}/${o.key}`, open: async () => s3RangeSource(client, location.bucket, o.key, o.size, options.signal) };
      }
      continue;
    }
    const st = await stat(source).catch((err: NodeJS.ErrnoException) => {
      throw InputError.coded('baseline-source', { source, cause: errnoCause(err) }, `${source}: ${err.code === 'ENOENT' ? 'does not exist' : err.message}; give archives (.zip), folders of archives or s3://bucket/prefix`);
    });
    if (st.isDirectory()) {
      for await (const path of walk(source)) yield { label: path, open: () => fileSource(path) };
    } else {
      yield { label: source, open: () => fileSource(source) };
    }
  }
}
