/** The checks behind the rules: Luhn and issuers, ISO 7064, entropy, address ranges. */
import { describe, expect, it } from 'vitest';
import { cardBrand, cnIdValid, isPublicIPv4, isPublicIPv6, looksRandom, luhnValid, shannonEntropy } from '../../../../electron/engine/redact/validators.js';

describe('validators', () => {
  it('checks Luhn and card issuers with their lengths', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(cardBrand('4111111111111111')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
    expect(cardBrand('6222021234567890123')).toBe('unionpay');
    expect(cardBrand('3530111333300000')).toBe('jcb');
    expect(cardBrand('411111111111111')).toBeUndefined(); // Visa has no 15-digit numbers
    expect(cardBrand('1234567890123456')).toBeUndefined();
  });

  it('checks the ISO 7064 MOD 11-2 character of resident ids', () => {
    expect(cnIdValid('110101199003074514')).toBe(true);
    expect(cnIdValid('21010219800509520X')).toBe(true);
    expect(cnIdValid('21010219800509520x')).toBe(true);
    expect(cnIdValid('110101199003074515')).toBe(false);
    expect(cnIdValid('11010119900307451')).toBe(false);
  });

  it('measures entropy and tells random strings from identifiers', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(looksRandom('ZmFrZWtleTEyMzQ1Njc4OTAxMjM0NTY3')).toBe(true);
    expect(looksRandom('9fceb02d0ae598e95dc970b74767f19372d61af8')).toBe(true);
    expect(looksRandom('3f2b1c4e-9a8d-4e7f-b6c5-1d2e3f4a5b6c')).toBe(false); // UUID
    expect(looksRandom('server-2024-prod-key-backup')).toBe(false); // word chain
    expect(looksRandom('/etc/ssl/private/server-2024.pem')).toBe(false); // path
    expect(looksRandom('ThisIsOnlyLetters')).toBe(false);
    expect(looksRandom('short1A')).toBe(false);
  });

  it('knows public from private and reserved addresses', () => {
    for (const ip of ['8.8.8.8', '114.114.114.114', '1.2.3.4', '223.5.5.5']) expect(isPublicIPv4(ip), ip).toBe(true);
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.1.1', '100.64.0.1', '192.0.2.1', '198.51.100.1', '203.0.113.1', '224.0.0.1', '255.255.255.255', '0.0.0.0', '256.1.1.1', '01.2.3.4']) {
      expect(isPublicIPv4(ip), ip).toBe(false);
    }
    expect(isPublicIPv6('2001:4860:4860::8888')).toBe(true);
    expect(isPublicIPv6('240e:3a1:4c52:81f0::1a2b')).toBe(true);
    for (const ip of ['fe80::1', 'fd00::1', '::1', '2001:db8::1', '10:23:45', 'ff02::1']) expect(isPublicIPv6(ip), ip).toBe(false);
  });
});
