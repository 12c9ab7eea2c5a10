/** Context decides what digits are: keys, units, typed elements, the line before, hex tokens. */
import { describe, expect, it } from 'vitest';
import { isMeasurementContext, keyBefore } from '../../../../electron/engine/redact/context.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';

const at = (line: string, value: string) => [line, line.indexOf(value), value.length] as const;

describe('keyBefore', () => {
  it('names the key a value is assigned to, in JSON, INI, XML and attribute pairs', () => {
    expect(keyBefore(...at('  "free": 17179869184,', '171').slice(0, 2) as [string, number])).toBe('free');
    expect(keyBefore('size=13812345678', 5)).toBe('size');
    expect(keyBefore('<bytes>13812345678</bytes>', 7)).toBe('bytes');
    expect(keyBefore('<add key="MaxUploadBytes" value="15012345678" />', 33)).toBe('MaxUploadBytes');
    expect(keyBefore('call me 13812345678', 8)).toBeUndefined();
  });
});

describe('isMeasurementContext', () => {
  it('is true under measuring keys, before units, after measuring words and in typed number elements', () => {
    expect(isMeasurementContext(...at('"total": 17179869184,', '171'))).toBe(true);
    expect(isMeasurementContext(...at('文件大小 13512345678 字节', '135'))).toBe(true);
    expect(isMeasurementContext(...at('uptime 13800138000 ms', '138'))).toBe(true);
    expect(isMeasurementContext(...at('<integer>13812345678</integer>', '138'))).toBe(true);
    expect(isMeasurementContext(...at('value: "16612345678"', '166'), { previous: () => '- name: CACHE_MAX_BYTES' })).toBe(true);
  });

  it('is false under personal keys and in plain text', () => {
    expect(isMeasurementContext(...at('"phone": 13800138000,', '138'))).toBe(false);
    expect(isMeasurementContext(...at('"phone_number_id": 13800138000,', '138'))).toBe(false);
    expect(isMeasurementContext(...at('请致电 13800138000 联系', '138'))).toBe(false);
    expect(isMeasurementContext(...at('value: "13800138000"', '138'), { previous: () => '- name: SUPPORT_MOBILE' })).toBe(false);
  });
});

describe('digits in context, end to end', () => {
  it('keeps hashes and measurements, takes phones, cards and IDs', () => {
    const r = new Redactor();
    const lines = [
      'commit 9f4532015112830366abcd0123456789abcdef01 built',
      'key id ab13812345678cd',
      '"free": 17179869184, "used": 13912345678',
      'phone 13812345678 card 4111 1111 1111 1111',
    ];
    const out = r.redactText(lines.join('\n')).text.split('\n');
    expect(out.slice(0, 3)).toEqual(lines.slice(0, 3));
    expect(out[3]).toMatch(/^phone <PHONE-1> card <CARD-1>$/);
  });
});
