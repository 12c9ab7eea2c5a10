import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, PolicySchema } from '../../../shared/policy.js';

const issues = (upload: unknown) => {
  const r = PolicySchema.safeParse({ upload });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('policy.upload', () => {
  it('defaults to the local outbox', () => {
    expect(DEFAULT_POLICY.upload).toEqual({ target: 'outbox' });
  });

  it('accepts Redmine and RT settings; RT mode defaults to comment', () => {
    const p = PolicySchema.parse({ upload: { target: 'rt', rt: { url: 'https://rt.example.com' }, caFile: '/etc/ssl/corp.pem', allowedHosts: ['rt.example.com'] } });
    expect(p.upload.rt).toEqual({ url: 'https://rt.example.com', mode: 'comment' });
    expect(issues({ target: 'redmine', redmine: { url: 'http://127.0.0.1:3000', project: 'diag' } })).toEqual([]);
  });

  it('refuses what would leak or mislead: plain http to another host, credentials in the URL, unknown keys, a target without its settings', () => {
    expect(issues({ target: 'redmine', redmine: { url: 'http://redmine.example.com' } })).toEqual(['upload.redmine.url: must use https:// (plain http:// is allowed only for localhost/127.0.0.1)']);
    expect(issues({ redmine: { url: 'https://u:p@redmine.example.com' } })[0]).toContain('must not contain a user name or password');
    expect(issues({ redmine: { url: 'https://r.example.com', apiKey: 'x' } })[0]).toContain('apiKey');
    expect(issues({ target: 'rt' })).toEqual(['upload.rt: upload.target is "rt", so upload.rt must be set too (the README lists the keys it needs)']);
    expect(issues({ target: 'nope' })[0]).toMatch(/^upload.target/);
    expect(issues({ rt: { url: 'ftp://x' } })[0]).toContain('https://');
  });
});
