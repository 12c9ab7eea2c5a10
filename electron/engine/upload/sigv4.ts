/**
 * AWS Signature Version 4 for S3 requests, with node:crypto, following AWS's documented
 * algorithm ("Signature Calculations for the Authorization Header"): canonical request →
 * string to sign → HMAC chain AWS4<secret>/date/region/service/aws4_request. Bodies are not
 * hashed while streaming: `UNSIGNED-PAYLOAD` (allowed by S3 over HTTPS; the archive's integrity
 * is checked through the ETags instead).
 */
import { createHash, createHmac } from 'node:crypto';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** RFC 3986 percent-encoding as SigV4 requires (everything but A–Z a–z 0–9 - _ . ~). */
export function strictEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A path with each segment decoded and strictly re-encoded (S3: encoded once, `/` kept). */
export function canonicalPath(pathname: string): string {
  return pathname
    .split('/')
    .map((s) => {
      try {
        return strictEncode(decodeURIComponent(s));
      } catch {
        return strictEncode(s);
      }
    })
    .join('/');
}

/** `a=1&b=2`, sorted by key then value, strictly encoded. */
export function canonicalQuery(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([k, v]) => [strictEncode(k), strictEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The headers to add to a request: `x-amz-date`, `x-amz-content-sha256`, the session token when
 * there is one, and `authorization`. `headers` are the other headers that are signed (host is
 * taken from the URL); `path` must already be the canonical (strictly encoded) path.
 */
export function signV4(input: {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers?: Record<string, string>;
  payloadHash: string;
  region: string;
  service?: string;
  credentials: AwsCredentials;
  now?: Date;
}): Record<string, string> {
  const service = input.service ?? 's3';
  const date = amzDate(input.now ?? new Date());
  const day = date.slice(0, 8);
  const added: Record<string, string> = { 'x-amz-content-sha256': input.payloadHash, 'x-amz-date': date };
  if (input.credentials.sessionToken) added['x-amz-security-token'] = input.credentials.sessionToken;
  const all: Record<string, string> = { host: input.host };
  for (const [k, v] of Object.entries({ ...(input.headers ?? {}), ...added })) all[k.toLowerCase()] = v.trim().replace(/\s+/g, ' ');
  const names = Object.keys(all).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [input.method, input.path, canonicalQuery(input.query), names.map((n) => `${n}:${all[n]}\n`).join(''), signedHeaders, input.payloadHash].join('\n');
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.credentials.secretAccessKey}`, day), input.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return { ...added, authorization: `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}` };
}

export { sha256Hex };
