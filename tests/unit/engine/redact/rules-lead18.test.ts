/**
 * What merging session 18's rules showed on held-out-20, a set none of them was written for: a company in a customer
 * field taken as a person, and a Kerberos/JAAS `principal` taken as the login it introduces.
 */
import { describe, expect, it } from 'vitest';
import { PERSON_PROSE_TRIGGER } from '../../../../electron/engine/redact/person-prose.js';
import { keepsWords, redact, takesAs, takesLogins } from './helpers.js';

describe('a company is no person, whatever field holds it', () => {
  it('keeps a name ending in a company word in a customer field or after a role noun', () => {
    keepsWords('{"msg":"activation","customer":"Northwind Traders","seats":25}', 'Northwind Traders');
    keepsWords('refund issued for customer Globex Holdings (order 88120)', 'Globex Holdings');
    keepsWords('"customer_name": "Initech Solutions"', 'Initech Solutions');
    keepsWords('"customer": "Umbrella Corporation"', 'Umbrella Corporation');
  });

  it('still takes a person there', () => {
    takesAs('NAME', '{"customer":"Pieter Vandenberg","phone":"13912345678"}', 'Pieter Vandenberg');
    takesAs('NAME', 'shipped to Tom Banks, tel 13912345678', 'Tom Banks');
  });
});

describe('a principal names the account it introduces', () => {
  it('takes the login after `principal`, not the word', () => {
    const out = takesLogins("authentication failed: bad credentials for principal 'ruiz.paloma' (attempt 3 of 5)", 'ruiz.paloma');
    expect(out).toContain('for principal');
    expect(takesLogins("login failed for principal 'okafor.j'", 'okafor.j')).toContain('principal');
  });

  it('keeps the word when no login follows', () => {
    keepsWords('login failed for principal (no keytab entry)', 'principal');
    expect(redact('Login failed for members.')).toBe('Login failed for members.');
  });
});

describe('person-prose wakes only where a name can stand', () => {
  // Its trigger is case-insensitive, a Latin name two or three capitalised words: a lower-case id or one word after the
  // key or role noun cannot be one (`for tenant acme-22,` woke ~100 patterns on 7 % of the generated log's lines).
  const trigger = new RegExp(PERSON_PROSE_TRIGGER, 'im');
  it('does not fire on an id or a single word after a role noun or a name key', () => {
    for (const line of ['session refreshed for tenant acme-22, expires_in=3600', 'started pool name=worker', 'queued for client web01', '{"name": "checkout"}']) {
      expect(trigger.test(line), line).toBe(false);
    }
  });
  it('fires where a name stands, and the name is taken', () => {
    for (const line of ['refund issued for customer Pieter Vandenberg', '{"name": "Zhang Wei", "phone": "13912345678"}', '--display-name "Anna Novak"', 'name=张伟']) {
      expect(trigger.test(line), line).toBe(true);
    }
    takesAs('NAME', 'refund issued for customer Pieter Vandenberg', 'Pieter Vandenberg');
  });
});

describe('a name in brackets after an account noun (Chinese application logs)', () => {
  // The lead's look at a collection: `用户[李晓峰]密码错误` kept the name; `X员[…]`/`X人[…]` were already taken.
  it('takes a Han name bracketed after 用户/账号/客户/患者', () => {
    takesAs('NAME', '2026-12-07 05:40:02 INFO 用户[李晓峰]密码错误，手机 13912345678', '李晓峰');
    takesAs('NAME', 'WARN 账号【王芳】已锁定（连续 5 次失败）', '王芳');
    takesAs('NAME', '客户[陈建国]下单成功 orderNo=88120', '陈建国');
  });
  it('keeps tags, logins and words that only look like names there', () => {
    keepsWords('用户[INFO]登录', '用户[INFO]登录');
    keepsWords('客户[张贴]通知', '张贴');
    keepsWords('用户[高速]通道', '高速');
  });
});
