/** The second fence of the log (electron/main/log-scrub.ts): no credential reaches main.log. */
import { describe, expect, it } from 'vitest';
import { scrubLogText, scrubLogValue } from '../../../electron/main/log-scrub.js';

describe('scrubLogText', () => {
  it.each([
    ['X-Redmine-API-Key: 0123456789abcdef0123456789abcdef01234567', '0123456789abcdef'],
    ['Authorization: token 1-14-7a7d9ad0b1c2d3e4f5a6b7c8', '7a7d9ad0b1c2'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc', 'eyJhbGci'],
    ['GET /issues.json?key=x&api_key=s3cr3t-value', 's3cr3t-value'],
    ['{"apiKey":"abcdefgh12345678"}', 'abcdefgh12345678'],
    ['password=hunter2 user=alice', 'hunter2'],
    ['upload to https://alice:pa55w0rd@redmine.example.com/', 'pa55w0rd'],
  ])('removes the secret from %s', (line, secret) => {
    const out = scrubLogText(line);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('leaves ordinary lines alone', () => {
    const line = 'collection 3f2a finished: 12345_诊断信息_20261124-0930_pc-01.zip (399 bytes)';
    expect(scrubLogText(line)).toBe(line);
  });

  it('scrubs errors and objects too', () => {
    expect(scrubLogValue(new Error('token abcdefgh12345678 refused'))).not.toContain('abcdefgh12345678');
    expect(scrubLogValue({ headers: { 'X-Redmine-API-Key': 'abcdefgh12345678' } })).not.toContain('abcdefgh12345678');
    expect(scrubLogValue(42)).toBe(42);
  });
});
