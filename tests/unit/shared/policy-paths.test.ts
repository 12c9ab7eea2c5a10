import { describe, expect, it } from 'vitest';
import { PolicySchema, rootWidePathReason } from '../../../shared/policy.js';

describe('root-wide app-log and config paths are refused', () => {
  it.each([
    ['/**/*', 'root-wide'],
    ['/*', 'root-wide'],
    ['/', 'root-wide'],
    ['C:\\**', 'root-wide'],
    ['C:\\', 'root-wide'],
    ['\\\\server\\share\\**', 'root-wide'],
    ['/var/**/*.log', 'top-level folder'],
    ['C:\\Users\\**\\*.log', 'top-level folder'],
    ['~', 'whole home folder'],
    ['~/**', 'whole home folder'],
    ['$HOME/**/*.log', 'whole home folder'],
    ['%USERPROFILE%\\**', 'whole home folder'],
  ])('%s (%s)', (pattern, why) => {
    expect(rootWidePathReason(pattern)).toContain(why);
    const parsed = PolicySchema.safeParse({ appLogPaths: [pattern] });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(['appLogPaths', 0]);
  });

  it.each(['/var/log/myapp/**', '/var/log/*.log', '~/*.log', '~/.myapp/logs/**', 'C:\\ProgramData\\MyApp\\**', '/etc/hosts', 'C:\\setup.log', '%ProgramData%\\**', '$LOGDIR/**'])(
    '%s is fine (variables other than the home folder are checked once expanded)',
    (pattern) => {
      expect(rootWidePathReason(pattern)).toBeUndefined();
      expect(PolicySchema.safeParse({ configPaths: [pattern] }).success).toBe(true);
    },
  );

  it('recognises the expanded home folder', () => {
    expect(rootWidePathReason('/home/alice/**', '/home/alice')).toContain('whole home folder');
    expect(rootWidePathReason('C:\\Users\\Alice', 'c:\\users\\alice')).toContain('whole home folder');
    expect(rootWidePathReason('/home/alice/.app/**', '/home/alice')).toBeUndefined();
  });

  it('does not apply to single-file keys such as upload.caFile', () => {
    expect(PolicySchema.safeParse({ upload: { caFile: '/ca.pem' } }).success).toBe(true);
  });
});
