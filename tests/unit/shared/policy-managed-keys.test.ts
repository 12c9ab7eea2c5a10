/** The policy keys IT manages: paths, hosts, link keys and size limits are refused when malformed or huge. */
import { describe, expect, it } from 'vitest';
import { isHostPattern, isPolicyPath, PolicySchema } from '../../../shared/policy.js';

const issues = (raw: unknown) => {
  const r = PolicySchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('managed policy keys', () => {
  it.each(['/var/log/app/*.log', '~/.config/app/**/*.log', '~', 'C:\\ProgramData\\App\\Logs', 'c:/logs', '\\\\server\\share\\logs', '%ProgramData%\\App\\*.log', '$HOME/app.log', '${XDG_STATE_HOME}/app'])('accepts the path %s', (p) => {
    expect(isPolicyPath(p)).toBe(true);
  });

  it.each(['logs/app.log', './app.log', '../etc/passwd', '/var/log/../../etc/shadow', 'C:\\App\\..\\Windows', '%ProgramData%\\..\\x', '~user/logs', 'C:app.log', '/var/log/a\u0000b', ''])('refuses the path %j', (p) => {
    expect(isPolicyPath(p)).toBe(false);
  });

  it.each(['redmine.example.com', '*.example.com', 'localhost', '10.0.0.5', '[::1]', 'xn--fiqs8s.example'])('accepts the host %s', (h) => {
    expect(isHostPattern(h)).toBe(true);
  });

  it.each(['https://redmine.example.com', 'redmine.example.com:443', 'redmine.example.com/path', 'user@host', '*', '*.', 'a..b', '-bad.example.com', '999.1.1.1', 'bad host', '1.2.3', '[not-v6]'])('refuses the host %s', (h) => {
    expect(isHostPattern(h)).toBe(false);
  });

  it('names the key and the rule', () => {
    expect(issues({ appLogPaths: ['logs/*.log'] })[0]).toMatch(/^appLogPaths\.0: must be an absolute path/);
    expect(issues({ upload: { allowedHosts: ['https://x.example.com'] } })[0]).toMatch(/^upload\.allowedHosts\.0: must be a host name/);
    expect(issues({ upload: { credentialsFile: 'creds.json' } })[0]).toMatch(/^upload\.credentialsFile: must be an absolute path/);
    expect(issues({ linkSigning: { publicKeys: ['not a key at all, clearly, no no no no no'] } })[0]).toMatch(/^linkSigning\.publicKeys\.0: must be an Ed25519 public key/);
    expect(issues({ screenshotAllowed: false, screenshotRequired: true })[0]).toMatch(/^screenshotRequired: screenshotRequired is true but screenshotAllowed is false/);
    expect(issues({ distribution: { downloadUrl: 'ftp://x' } })[0]).toMatch(/^distribution\.downloadUrl/);
    expect(issues({ redaction: { extraRules: [{ id: 'Bad Id', pattern: 'x' }] } })[0]).toMatch(/^redaction\.extraRules\.0\.id: must be a kebab-case id/);
  });

  it('refuses huge values', () => {
    expect(issues({ disabledCollectors: Array.from({ length: 101 }, (_, i) => `c${i}`) })[0]).toMatch(/^disabledCollectors: Too big/);
    expect(issues({ appLogPaths: [`/${'a'.repeat(5000)}`] })[0]).toMatch(/^appLogPaths\.0: Too big/);
    expect(issues({ products: [{ name: 'x', versionCommand: ['x', 'y'.repeat(5000)] }] })[0]).toMatch(/^products\.0\.versionCommand\.1: Too big/);
    expect(issues({ redaction: { extraRules: [{ id: 'a', pattern: 'p'.repeat(1001) }] } })[0]).toMatch(/^redaction\.extraRules\.0\.pattern: Too big/);
  });
});
