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
    const policy = PolicySchema.parse({ upload: { redmine: { url: 'https://redmine.example.com', project: 'p' }, rt: { url: 'https://rt.example.com' } } });
    const env = { DIAGCOLLECT_REDMINE_API_KEY: 'k', DIAGCOLLECT_RT_TOKEN: 't' };
    for (const entry of CONNECTORS) {
      expect(entry.isConfigured(policy)).toBe(true);
      const d = entry.destination(policy);
      expect(d.target).toBe(entry.id);
      const c = await entry.create(d, policy, { env, dataDir: '/nonexistent' });
      expect(c.id).toBe(entry.id);
      expect(c.targetUrl).toContain('example.com');
      await c.close?.();
    }
    expect(() => connectorEntry('jira')).toThrow(/unknown upload target "jira": use one of outbox, redmine, rt/);
    expect(() => connectorEntry('redmine').destination(PolicySchema.parse({}))).toThrow(/no upload.redmine.url/);
  });
});
