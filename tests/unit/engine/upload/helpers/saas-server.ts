/**
 * A local HTTP server for the SaaS contract tests: records each request (method, path, query,
 * headers, body parsed as JSON or multipart/form-data or kept raw) and answers from a route
 * function, usually with a documented response fixture from tests/fixtures/saas/<vendor>/.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArchiveFile } from '../../../../../electron/engine/upload/types.js';

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json?: unknown;
  parts?: FormPart[];
}

export type Route = (req: Recorded, res: ServerResponse) => void;

export function fixture(vendor: string, name: string, fill: Record<string, string | number> = {}): string {
  let text = readFileSync(fileURLToPath(new URL(`../../../../fixtures/saas/${vendor}/${name}`, import.meta.url)), 'utf8');
  for (const [k, v] of Object.entries(fill)) {
    // numbers replace `"size": 0`-style fields, strings replace __KEY__ placeholders (JSON-escaped)
    if (typeof v === 'number') text = text.replace(new RegExp(`("${k}"\\s*:\\s*)"?0"?`, 'g'), `$1${JSON.stringify(k === 'size_bytes' ? String(v) : v)}`);
    else text = text.split(`__${k}__`).join(JSON.stringify(v).slice(1, -1));
  }
  return text;
}

export function json(res: ServerResponse, status: number, body: string | object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Splits a multipart/form-data body (binary-safe). */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error('no boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const chunk = body.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, split).toString('utf8');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const part: FormPart = { name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '', data: chunk.subarray(split + 4) };
    const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    if (filename !== undefined) part.filename = filename;
    const type = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1];
    if (type) part.contentType = type;
    parts.push(part);
    pos = next;
  }
  return parts;
}

export async function startSaasServer(route: Route): Promise<{ base: string; log: Recorded[]; close: () => Promise<void> }> {
  const log: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url!, 'http://x');
      const rec: Recorded = { method: req.method!, path: url.pathname, query: url.searchParams, headers: req.headers, raw };
      const type = String(req.headers['content-type'] ?? '');
      if (type.startsWith('application/json')) rec.json = JSON.parse(raw.toString('utf8'));
      if (type.startsWith('multipart/form-data')) rec.parts = parseMultipart(raw, type);
      log.push(rec);
      try {
        route(rec, res);
      } catch (err) {
        json(res, 500, { error: String(err) });
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export function makeArchive(bytes: number, ticket: string): ArchiveFile {
  const dir = mkdtempSync(join(os.tmpdir(), 'diagcollect-saas-'));
  const name = `${ticket}_诊断信息_20261124-0930_pc-01.zip`;
  const path = join(dir, name);
  const data = randomBytes(bytes);
  writeFileSync(path, data);
  return { path, name, size: bytes, sha256: createHash('sha256').update(data).digest('hex') };
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
