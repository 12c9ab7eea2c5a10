/**
 * Rules as data: every function the rule table names exists, every rule names its catalogue key,
 * and policy extends the table the same way (an IT rule naming a validator and context words).
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../shared/i18n/translate.js';
import { PolicySchema } from '../../../../shared/policy.js';
import { GATES, IDENTITIES, KINDS, narrow, OPENERS, VALIDATORS } from '../../../../electron/engine/redact/rule-validators.js';
import { Redactor, RULES } from '../../../../electron/engine/redact/index.js';

describe('the rule table', () => {
  it('is data: every named validator, gate, kind, identity and opener exists; names are catalogue keys', () => {
    const tr = translator('zh-CN');
    for (const rule of RULES) {
      expect(rule.nameKey).toBe(`rule.${rule.id}`);
      expect(tr.has(rule.nameKey), rule.nameKey).toBe(true);
      if (rule.gate) expect(GATES[rule.gate], `${rule.id} gate`).toBeTypeOf('function');
      if (rule.identity) expect(IDENTITIES[rule.identity], `${rule.id} identity`).toBeTypeOf('function');
      if (rule.opensValueOnNextLine) expect(OPENERS[rule.opensValueOnNextLine], `${rule.id} opener`).toBeTypeOf('function');
      for (const p of rule.patterns) {
        expect(p.validate === undefined || typeof p.validate === 'string', `${rule.id}: validators are named, not closures`).toBe(true);
        if (p.validate) expect(VALIDATORS[p.validate], `${rule.id} ${p.validate}`).toBeTypeOf('function');
        if (p.kind) expect(KINDS[p.kind], `${rule.id} kind`).toBeTypeOf('function');
        if (p.context) expect(p.context.words.every((w) => typeof w === 'string')).toBe(true);
      }
    }
    // Default on/off is data too: the network rules are off unless policy switches them on.
    expect(RULES.filter((r) => r.optional).map((r) => r.id)).toEqual(['ipv4-public', 'ipv6-public', 'mac-address', 'hostname']);
  });
});

describe('an IT rule from policy extends the table', () => {
  const policy = PolicySchema.parse({
    redaction: { extraRules: [{ id: 'member-card', pattern: String.raw`\b\d{16}\b`, placeholder: 'MEMBER', validator: 'luhn', context: ['会员卡', 'member'] }] },
  });
  const redactor = () => new Redactor({ extraRules: policy.redaction!.extraRules });

  it('applies its validator by name and its context words', () => {
    // Member numbers (no card brand: the payment-card rule leaves them alone).
    const { text, counts } = redactor().redactText('会员卡 9000123456789016 已绑定\n会员卡 9000123456789017 无效\n订单 9000123456789024 已付\n');
    // Luhn-valid after its word: replaced; Luhn-invalid: kept; no word before it: kept.
    expect(text).toBe('会员卡 <MEMBER-1> 已绑定\n会员卡 9000123456789017 无效\n订单 9000123456789024 已付\n');
    expect(counts).toEqual({ 'member-card': 1 });
  });

  it('refuses a validator the table does not have, naming the known ones', () => {
    expect(() => new Redactor({ extraRules: [{ id: 'x', pattern: 'x', validator: 'nope' }] })).toThrow(/unknown validator "nope" \(known: notMeasurement, cardNumber/);
  });
});

describe('Wi-Fi keys of netsh wlan show profile key=clear', () => {
  it('are redacted in English and Chinese Windows output', () => {
    const { text } = new Redactor().redactText('    Security key           : Present\n    Key Content            : Wifi@Home2026!\n    关键内容            : Wifi@Office2026!\n');
    expect(text).toBe('    Security key           : Present\n    Key Content            : <SECRET-1>\n    关键内容            : <SECRET-2>\n');
  });
});


describe('narrow: full-width forms as ASCII, one function for both uses', () => {
  // The two functions it replaced (session 8), as they were: their outputs must not change.
  const oldNarrow = (t: string) => t.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const oldHalfWidthDigits = (value: string) => value.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^\dXx]+/g, '');

  it('maps digits, letters, punctuation and the ideographic space; with digitsAndX keeps only digits and X', () => {
    expect(narrow('１３７ １２３４\u3000５６７８（Ａｂ）')).toBe('137 1234 5678(Ab)');
    expect(narrow('１３７－１２３４－５６７８', 'digitsAndX')).toBe('13712345678');
    expect(narrow('１１０１０５１９９００３０７７６１Ｘ', 'digitsAndX')).toBe('11010519900307761X');
    expect(narrow('+86 (137) ｘ-Ａ', 'digitsAndX')).toBe('86137x');
  });

  it('gives exactly what the two old functions gave, for every BMP character and for mixed text', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c += 1) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    expect(narrow(all)).toBe(oldNarrow(all));
    expect(narrow(all, 'digitsAndX')).toBe(oldHalfWidthDigits(all));
    for (const text of ['１３７ｘ１２３４Ｘ５６７８', '身份证：１１０１０５－１９９００３０７－７６１ｘ', 'ＡＢＣ　１２３，４５６', '']) {
      expect(narrow(text)).toBe(oldNarrow(text));
      expect(narrow(text, 'digitsAndX')).toBe(oldHalfWidthDigits(text));
    }
  });

  it('still finds full-width phones and IDs (the validators that use it)', () => {
    const { text } = new Redactor().redactText('手机：１３８１２３４５６７８\n身份证：１１０１０５１９４９１２３１００２Ｘ\n');
    expect(text).toMatch(/手机：<PHONE-1>/);
    expect(text).toMatch(/身份证：<ID-?\w*-?1>|身份证：<[A-Z_]+-1>/);
  });
});
