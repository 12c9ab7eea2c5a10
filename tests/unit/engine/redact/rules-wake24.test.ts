/**
 * Wakes added in session 24 where wake-fuzz.test.ts showed the reference engine taking a value the
 * line engine never woke its rule for: each line is redacted by both engines, alike, and the value
 * is gone; look-alikes stay.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';

function both(line: string): string {
  const fast = new Redactor({}).redactText(line).text;
  const reference = new Redactor({}, { prefilter: false }).redactText(line).text;
  expect(fast, line).toBe(reference);
  return fast;
}

describe('wakes the patterns already had', () => {
  it('takes a login before a "pwd", "passwd" or "pwd_hash" key', () => {
    for (const [line, login] of [
      ['{"name": "alice", "pwd": "x9!kq"}', 'alice'],
      ['{"name":"svc_sync","passwd":"Zq8#mw"}', 'svc_sync'],
      ['users: [{"name": "shovel", "pwd_hash": "$2b$12$abcdefghijklmnopqrstuv"}]', 'shovel'],
    ] as const) {
      const out = both(line);
      expect(out, line).not.toContain(login);
      expect(out).toMatch(/<USER-1>/);
    }
  });

  it('takes a QQ uin before a full-width or spaced colon', () => {
    for (const line of ['qq uin ： 32132156605', 'QQ uin：2813345921 登录成功', 'login uin : 1034567821']) expect(both(line), line).toMatch(/<USER-1>/);
  });

  it('takes a Chinese address whose building is a 座, and keeps a meeting room', () => {
    expect(both('收货地址：广西壮族自治区南宁市青秀区民族大道 12 座 1203 室')).toBe('收货地址：<ADDRESS-1>');
    expect(both('寄件人地址 北京市海淀区中关村科技园 3座 1502')).toContain('<ADDRESS-1>');
    for (const line of ['会议在 3 座 201 会议室', '本车共 45 座 2 排空位', '座位号 12 已预订']) expect(both(line), line).toBe(line);
  });
});
