import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64JsonField } from '../../../../electron/engine/upload/rt.js';

async function decode(json: string, chunkSize: number): Promise<Buffer> {
  const bytes = Buffer.from(json, 'utf8');
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const out: Buffer[] = [];
  for await (const b of base64JsonField(chunks(), 'Content')) out.push(b);
  return Buffer.concat(out);
}

describe('base64JsonField (RT attachment JSON, decoded while streaming)', () => {
  const data = randomBytes(5000);
  const b64 = data.toString('base64');
  // RT (Perl JSON, pretty) puts spaces around the colon; MIME::Base64 may add \n every 76 chars;
  // some encoders escape "/" as "\/". Other fields mention "Content" inside their values.
  const wrapped = b64.replace(/.{76}/g, '$&\\n').replace(/\//g, '\\/');
  const doc = `{\n   "Headers" : "Content-Type: application/octet-stream\\nContent-Length: 5000",\n   "ContentType" : "application/octet-stream",\n   "Content" : "${wrapped}",\n   "Filename" : "诊断信息.zip"\n}`;

  it('gives back the exact bytes for every chunk size, including 1 byte', async () => {
    for (const size of [1, 2, 3, 5, 7, 64, 1000, 1 << 20]) expect((await decode(doc, size)).equals(data)).toBe(true);
  });

  it('handles the compact form and an empty Content', async () => {
    expect((await decode(`{"Content":"${b64}"}`, 13)).equals(data)).toBe(true);
    expect((await decode('{"Content":""}', 3)).length).toBe(0);
  });

  it('fails clearly when the field is missing or the document is cut short', async () => {
    await expect(decode('{"Other":"x"}', 4)).rejects.toThrow(/no "Content" field/);
    await expect(decode(`{"Content":"${b64.slice(0, 100)}`, 16)).rejects.toThrow(/ended early/);
  });
});
