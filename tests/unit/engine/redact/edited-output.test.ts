/**
 * ASCII input read as UTF-8 is written out from its own bytes, with only the replacements encoded
 * (edited-output.ts): the bytes must be exactly those of the redacted text, however the input is
 * cut, around private keys, over-long lines and lines whose value sits on the next line; and input
 * that is not one byte per character goes the encoding way.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { InputBytes } from '../../../../electron/engine/redact/edited-output.js';
import { generateLogText } from '../../../bench/redact.bench.js';
import { chunkSizes, redactInChunks } from './helpers.js';

const EDGES = [
  'login failed for user=ops password=Pw1!x retry=1',
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  '-----END RSA PRIVATE KEY-----',
  '<setting name="ApiKey">',
  '  k3y-value-on-next-line-abcdef123',
  '"name": "Cookie",',
  '"value": "sid=abc123def456; theme=dark"',
  `${'x'.repeat(70_000)} password=afterTheCut`,
  'mail bob@example.com phone 13800138000',
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
].join('\n');

describe('output written from the input bytes', () => {
  const inputs = [
    { name: 'app.log', data: Buffer.concat(generateLogText(1)) },
    { name: 'edges.txt', data: Buffer.from(EDGES, 'latin1') },
    { name: 'edges-crlf.txt', data: Buffer.from(`${EDGES.replace(/\n/g, '\r\n')}\r\n`, 'latin1') },
    { name: 'mixed.txt', data: Buffer.from(`${EDGES}\n密码 Share!2026zm 联系 张伟 13800138000\n${EDGES}`, 'utf8') },
  ];

  for (const { name, data } of inputs) {
    it(`gives the bytes of the redacted text (${name}), in any chunks`, async () => {
      const whole = new Redactor().redactText(data.toString('utf8')).text;
      for (const size of [chunkSizes(65536), chunkSizes({ max: 5000, seed: 3 }), chunkSizes({ max: 40, seed: 9 })]) {
        const { text } = await redactInChunks(new Redactor(), data, size, { name });
        expect(text).toBe(whole);
      }
    }, 60_000);
  }

  it('passes unchanged input on as views of its own chunks, and refuses spans it did not keep as bytes', () => {
    const input = new InputBytes();
    const a = Buffer.from('password=x\nok\n');
    input.add(a.length, a);
    const out = input.bytesOf({ from: 0, to: a.length, edits: [{ start: 9, end: 10, text: '<SECRET-1>' }] });
    expect(Buffer.concat(out!).toString()).toBe('password=<SECRET-1>\nok\n');
    expect(out![0]!.buffer).toBe(a.buffer);
    const b = Buffer.from('çé\n', 'utf8');
    input.add(3, undefined);
    expect(input.bytesOf({ from: a.length, to: a.length + 3, edits: [] })).toBeUndefined();
    // A chunk whose text is not one character per byte is never taken as bytes.
    const other = new InputBytes();
    other.add(2, b);
    expect(other.bytesOf({ from: 0, to: 2, edits: [] })).toBeUndefined();
  });
});
