/**
 * Archives in S3 (or an S3-compatible store): the SDK's paginated listing, and each archive read
 * through ranged GETs — its tail (central directory) and the few entries a baseline needs, never
 * the whole object. Credentials come from the SDK's usual chain (AWS_ACCESS_KEY_ID …, profiles,
 * instance roles); an endpoint (`--endpoint`, AWS_ENDPOINT_URL_S3) points at another store.
 */
import { GetObjectCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { InputError } from '../errors.js';
import type { RangeSource } from '../compare/archive-reader.js';

export interface S3Location {
  bucket: string;
  prefix: string;
}

/** `s3://bucket/some/prefix` → { bucket, prefix }. */
export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) throw InputError.coded('s3-location', { url }, `"${url}" is not an S3 location: write s3://bucket/prefix (a bucket name is 3–63 lower-case letters, digits, dots and hyphens)`);
  return { bucket: m[1]!, prefix: m[2] ?? '' };
}

export function s3Client(options: { endpoint?: string; region?: string; env?: NodeJS.ProcessEnv } = {}): S3Client {
  const env = options.env ?? process.env;
  const endpoint = options.endpoint ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  return new S3Client({
    region: options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    // Another store (MinIO, Ceph, s3rver) is addressed by path: its buckets have no DNS names.
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
  });
}

/** Every .zip object under the prefix, page by page (1 000 keys a page by default), with its size. */
export async function* listS3Archives(client: S3Client, location: S3Location, signal?: AbortSignal, pageSize = 1000): AsyncGenerator<{ key: string; size: number }> {
  for await (const page of paginateListObjectsV2({ client, pageSize }, { Bucket: location.bucket, Prefix: location.prefix }, ...(signal ? [{ abortSignal: signal }] : []))) {
    for (const o of page.Contents ?? []) if (o.Key && o.Key.endsWith('.zip') && o.Size) yield { key: o.Key, size: o.Size };
  }
}

/** One object as a RangeSource: each read is one ranged GET. */
export function s3RangeSource(client: S3Client, bucket: string, key: string, size: number, signal?: AbortSignal): RangeSource {
  return {
    label: `s3://${bucket}/${key}`,
    size,
    async read(start, end) {
      const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }), signal ? { abortSignal: signal } : {});
      if (!r.Body) return Buffer.alloc(0);
      return Buffer.from(await r.Body.transformToByteArray());
    },
    close: async () => undefined,
  };
}
