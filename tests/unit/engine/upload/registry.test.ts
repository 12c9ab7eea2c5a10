import { describe, expect, it } from 'vitest';
import { PolicySchema, UPLOAD_TARGETS } from '../../../../shared/policy.js';
import { CONNECTORS, connectorEntry } from '../../../../electron/engine/upload/index.js';

describe('connector registry (conformance)', () => {
  it('every upload target but the outbox has exactly one connector, with titles in both languages', () => {
    expect(CONNECTORS.map((c) => c.id).sort()).toEqual(UPLOAD_TARGETS.filter((t) => t !== 'outbox').sort());
    for (const c of CONNECTORS) {
      expect(c.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(c.displayName['zh-CN']).toBeTruthy();
      expect(c.displayName.en).toBeTruthy();
    }
  });

  it('each connector reads its destination from the policy and builds without a network call', async () => {
    const policy = PolicySchema.parse({ upload: { redmine: { url: 'https://redmine.example.com', project: 'p' }, rt: { url: 'https://rt.example.com' }, smtp: { host: 'smtp.example.com', port: 587, from: 'diag@example.com', to: ['support@example.com'], user: 'diag' }, httpPut: { url: 'https://bucket.s3.example.com/diag/{ticket}/{name}' }, jira: { url: 'https://x.atlassian.example.com', user: 'a@example.com' }, zendesk: { url: 'https://x.zendesk.example.com', user: 'a@example.com' }, servicenow: { url: 'https://x.service-now.example.com', user: 'diag' }, freshdesk: { url: 'https://x.freshdesk.example.com' } } });
    const env = { DIAGCOLLECT_REDMINE_API_KEY: 'k', DIAGCOLLECT_RT_TOKEN: 't', DIAGCOLLECT_SMTP_PASSWORD: 'p', DIAGCOLLECT_JIRA_TOKEN: 'j', DIAGCOLLECT_ZENDESK_TOKEN: 'z', DIAGCOLLECT_SERVICENOW_PASSWORD: 's', DIAGCOLLECT_FRESHDESK_API_KEY: 'f' };
    for (const entry of CONNECTORS) {
      expect(entry.isConfigured(policy)).toBe(true);
      const d = entry.destination(policy);
      expect(d.target).toBe(entry.id);
      const c = await entry.create(d, policy, { env, dataDir: '/nonexistent' });
      expect(c.id).toBe(entry.id);
      expect(c.targetUrl).toContain('example.com');
      await c.close?.();
    }
    expect(() => connectorEntry('nope')).toThrow(/unknown upload target "nope": use one of outbox, redmine, rt/);
    expect(() => connectorEntry('redmine').destination(PolicySchema.parse({}))).toThrow(/no upload.redmine.url/);
  });
});
