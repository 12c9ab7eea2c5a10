/**
 * Formats of real machines (a sos report, Chromium's profile, Xvfb, sysctl, systemd units, PAM,
 * java.security) that the rules took for secrets or addresses, beside the real secrets of the same
 * shape that must still go. The whole files are in tests/fixtures/redact/real/.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';

function redact(text: string): string {
  return new Redactor().redactText(text).text;
}

describe('locale modifiers', () => {
  it('keeps a gettext catalogue or locale named with @latin, @cyrillic, @euro', () => {
    for (const line of ['-rw-r--r-- 1 root root  9804 May 29  2025 systemd.be@latin.catalog', 'sr@latin.po uz@cyrillic.mo de_DE@euro.UTF-8']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts an address at a domain starting with such a word', () => {
    expect(redact('mail jan@latin.example.com now')).not.toContain('jan@latin');
  });
});
