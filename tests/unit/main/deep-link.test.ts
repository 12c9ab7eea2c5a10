/** `diagcollect://` links (shared/deep-link.ts), as main receives them from the OS. */
import { describe, expect, it } from 'vitest';
import { DEEP_LINK_MAX_LENGTH, findDeepLinkArgument, parseDeepLink } from '../../../shared/deep-link.js';

describe('parseDeepLink', () => {
  it.each([
    ['diagcollect://collect?ticket=12345', '12345'],
    ['diagcollect://collect/?ticket=SUP-12345', 'SUP-12345'],
    ['DIAGCOLLECT://collect?ticket=a.b_c-1', 'a.b_c-1'],
  ])('accepts %s', (link, ticket) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, action: 'collect', ticket });
  });

  it.each([
    ['not a string', 42, 'malformed'],
    ['another scheme', 'https://collect?ticket=1', 'scheme'],
    ['a file link', 'file:///etc/passwd', 'scheme'],
    ['an unknown action', 'diagcollect://upload?ticket=1', 'unknown-action'],
    ['an action in the path', 'diagcollect://collect/run?ticket=1', 'unknown-action'],
    ['an opaque form', 'diagcollect:collect?ticket=1', 'unknown-action'],
    ['an extra parameter', 'diagcollect://collect?ticket=1&policy=/tmp/p.json', 'extra-params'],
    ['a repeated ticket', 'diagcollect://collect?ticket=1&ticket=2', 'extra-params'],
    ['no ticket', 'diagcollect://collect', 'missing-ticket'],
    ['an empty ticket', 'diagcollect://collect?ticket=', 'missing-ticket'],
    ['a ticket with a space', 'diagcollect://collect?ticket=12+34', 'bad-ticket'],
    ['a ticket with dots', 'diagcollect://collect?ticket=..', 'bad-ticket'],
    ['an encoded slash', 'diagcollect://collect?ticket=..%2F..%2Fetc', 'encoded-separator'],
    ['an encoded backslash', 'diagcollect://collect?ticket=a%5Cb', 'encoded-separator'],
    ['encoded dots', 'diagcollect://collect?ticket=%2e%2e', 'encoded-separator'],
    ['double encoding', 'diagcollect://collect?ticket=%252F', 'encoded-separator'],
    ['a NUL byte', 'diagcollect://collect?ticket=1%00', 'encoded-separator'],
    ['a raw control character', 'diagcollect://collect?ticket=1\n', 'malformed'],
    ['a user name', 'diagcollect://me@collect?ticket=1', 'malformed'],
    ['a port', 'diagcollect://collect:80?ticket=1', 'malformed'],
    ['a fragment', 'diagcollect://collect?ticket=1#x', 'malformed'],
    ['a very long link', `diagcollect://collect?ticket=1&pad=${'x'.repeat(DEEP_LINK_MAX_LENGTH)}`, 'too-long'],
    ['a ticket over 64 characters', `diagcollect://collect?ticket=${'1'.repeat(65)}`, 'bad-ticket'],
  ])('refuses %s with a message in both languages', (_what, link, error) => {
    const result = parseDeepLink(link);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) {
      expect(result.reason['zh-CN']).toMatch(/^已拒绝打开链接：/);
      expect(result.reason.en).toMatch(/^The link was refused: /);
    }
  });
});

describe('findDeepLinkArgument', () => {
  it('finds the link among the arguments Windows and Linux pass to a second instance', () => {
    expect(findDeepLinkArgument(['/opt/diagcollect/diagcollect', '--no-sandbox', 'diagcollect://collect?ticket=1'])).toBe('diagcollect://collect?ticket=1');
    expect(findDeepLinkArgument(['C:\\Program Files\\DiagCollect\\DiagCollect.exe', '--', 'DiagCollect://collect?ticket=2'])).toBe('DiagCollect://collect?ticket=2');
    expect(findDeepLinkArgument(['/usr/bin/electron', '.'])).toBeUndefined();
  });
});
