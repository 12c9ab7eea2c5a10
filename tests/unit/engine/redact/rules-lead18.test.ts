/**
 * What merging session 18's rules showed on held-out-20, a set none of them was written for: a company in a customer
 * field taken as a person, and a Kerberos/JAAS `principal` taken as the login it introduces.
 */
import { describe, expect, it } from 'vitest';
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
