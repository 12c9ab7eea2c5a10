/**
 * digit-shape.ts: the digits scan's pre-check may only skip lines on which the scan's confirm (the
 * union of the personal-number rules' triggers) cannot match. Checked on one example of every
 * trigger alternative, on random lines made of the characters those triggers read (whenever the
 * confirm matches, the pre-check must say so), and through the engine with and without prefilter.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { DIGIT_SHAPE_TRIGGERS, digitShapeMayMatch, triggerKey } from '../../../../electron/engine/redact/digit-shape.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { RULES } from '../../../../electron/engine/redact/rules.js';

const digitsScan = () => {
  const scan = buildRuleSet({}).scanners.find((s) => s.confirm !== undefined && s.regex.source.includes('\\d{3}'));
  if (!scan?.confirm) throw new Error('no digits scan with a confirm in the built-in rule set');
  return scan as typeof scan & { confirm: RegExp };
};

const may = (line: string) => digitShapeMayMatch(line, 0, line.length);

const ACCESS = '10.199.249.96 - - [06/Dec/2026:07:05:12 +0800] "GET /api/v2/orders/12345?page=3 HTTP/1.1" 200 1234 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"';

describe('digit-shape pre-check of the digits scan', () => {
  it('is in use for the built-in rules (a changed personal-number trigger turns it off: read the condition again from the new trigger)', () => {
    const scan = digitsScan();
    expect(scan.mayConfirm).toBe(digitShapeMayMatch);
    const woken = RULES.filter((r) => r.scan.digits !== undefined && !r.optional).map((r) => triggerKey(r.trigger));
    expect(woken.filter((k) => !DIGIT_SHAPE_TRIGGERS.has(k))).toEqual([]);
  });

  it('still wakes on every shape a personal-number trigger reads, in whatever line it stands', () => {
    const shapes = [
      '13812345678', '138 1234 5678', '138-1234-5678', '+86 138', '+1 (555)', '(555) 123-4567', '(555)123.4567', '555-123-4567', '555.123.4567',
      '010-12345678', '0755-1234-5678', '010)-1234567', '(021) 6438-1234', '4111 1111 1111 1111', '4111-1111-1111-1111', '4111 1111 1111 1', '12-4111 1111 1111 1', '3782 822463 10005',
      '110105194912310', '110105 19491231 002X', 'E12345678', 'EA1234567', 'G12345678', 'passport no: K091827', 'Visa No.: 12345678', 'travel PERMIT',
      'Permit', 'C1234567', '１３８', '个人账号', '护照号码：E1234567', '通行证',
      // intlphone23 (session 22): a national number after a phone word.
      'Tel. 06 48 21 93 57', 'Handy: 0151 2345', 'phone_number=0812', '"mobilePhone":"06', 'TELEFON 12', 'SĐT 0903',
    ];
    const confirm = digitsScan().confirm;
    for (const shape of shapes) {
      const line = `${ACCESS.slice(0, 60)} ${shape} "-"`;
      expect(confirm.test(line), shape).toBe(true);
      expect(may(line), shape).toBe(true);
    }
  });

  it('skips an access-log line (status and size, dotted address, time zone, versions) that no trigger can match', () => {
    expect(digitsScan().confirm.test(ACCESS)).toBe(false);
    expect(may(ACCESS)).toBe(false);
    for (const line of ['200 1234 "-"', 'took 12345 ms', '10.123.250.196:8080', 'v1.2.3 build 99999', '+0800 (x) -0500', '12-34-56 789', '2024-03-15 08:00:05.059 [INFO] pid=4059', '12-34 5678-90 12', 'permi t', 'bytes=1234-5678', 'hotel 12 34', 'telemetry 12 34', 'Intel(R) 12 34']) expect(may(line), line).toBe(false);
  });

  it('is true wherever the confirm matches, on random lines of the characters the triggers read', () => {
    const confirm = digitsScan().confirm;
    let seed = 20261206;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ['0', '1', '3', '4', '7', '9', '5', '8', '2', '6', ' ', '-', '.', '+', '(', ')', 'e', 'E', 'g', 'a', 'x', 'C', 'L', ':', '\t', 'permit', 'PerMit', 'passport no: ', 'visa # ', '账号', '个人', '０', '12345', '138', '1234', 'tel', 'Phone', ': ', 'hotel', 'mobil', '_number='];
    let matched = 0;
    for (let n = 0; n < 40000; n += 1) {
      let line = '';
      const len = 3 + Math.floor(rand() * 30);
      while (line.length < len) line += pieces[Math.floor(rand() * pieces.length)];
      if (confirm.test(line)) {
        matched += 1;
        expect(may(line), line).toBe(true);
      }
    }
    // The lines must reach the confirm often enough to test the condition.
    expect(matched).toBeGreaterThan(2000);
  });

  it('redacts the same with and without prefilter on access-log lines around the shapes', () => {
    const lines = [ACCESS, `${ACCESS} mobile 13812345678`, `${ACCESS} card 4111111111111111`, `${ACCESS} tel (555) 123-4567`, `${ACCESS} permit C1234567`, ACCESS.replace('GET', 'GET 555.123.4567')];
    const text = `${lines.join('\n')}\n`;
    const fast = new Redactor().redactText(text).text;
    expect(fast).toBe(new Redactor({}, { prefilter: false }).redactText(text).text);
    const out = fast.split('\n');
    expect(out[0]).toBe(ACCESS);
    expect(out[1]).toContain('<PHONE-');
    expect(out[2]).toContain('<CARD-');
    expect(out[3]).toContain('<PHONE-');
  });
});
