import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, PolicySchema } from '../../../../shared/policy.js';
import { CategorySchema, CollectorInfoSchema, PlatformSchema } from '../../../../shared/types.js';
import { COLLECTORS, collectorTitle } from '../../../../electron/engine/collectors/index.js';

/** Issue 18: the security logs and the evidence each problem type adds (gated by the planner). */
const TRIAGE_IDS = ['security-logs', 'network-path', 'firewall', 'wifi', 'config-defaults', 'permissions', 'crash-reports', 'resource-sample', 'disk-latency', 'startup-items', 'pending-updates'];
const TRIAGE_SLOW = ['security-logs', 'network-path', 'pending-updates'];
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const policyWithPaths = PolicySchema.parse({
  appLogPaths: ['/var/log/app/*.log'],
  configPaths: ['/etc/app/config.xml'],
  products: [{ name: 'App', versionCommand: ['app', '--version'], package: 'app' }],
});

describe('collector registry (conformance)', () => {
  it('has the expected collectors in order, with unique kebab-case ids', () => {
    const ids = COLLECTORS.map((c) => c.id);
    expect(ids).toEqual(['versions', 'system', 'network', 'software', 'processes', 'system-logs', 'app-logs', 'config', ...TRIAGE_IDS, 'screenshot']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(COLLECTORS.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    it('has a kebab-case id, a known category and titles in zh-CN and en', () => {
      expect(c.id).toMatch(KEBAB);
      expect(CategorySchema.options).toContain(c.category);
      expect(c.title['zh-CN'].trim()).not.toBe('');
      expect(c.title.en.trim()).not.toBe('');
      expect(c.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(c.title.en).toMatch(/^[\x20-\x7e]+$/);
    });

    it('has a timeout between 1 s and 120 s and known platforms', () => {
      expect(Number.isInteger(c.timeoutMs)).toBe(true);
      expect(c.timeoutMs).toBeGreaterThanOrEqual(1_000);
      expect(c.timeoutMs).toBeLessThanOrEqual(120_000);
      expect(c.platforms.length).toBeGreaterThan(0);
      for (const p of c.platforms) expect(PlatformSchema.options).toContain(p);
      expect(new Set(c.platforms).size).toBe(c.platforms.length);
    });

    it('describe() says what it reads on every declared platform, with and without policy paths', () => {
      for (const platform of c.platforms) {
        for (const policy of [DEFAULT_POLICY, policyWithPaths]) {
          const reads = c.describe(platform, policy);
          expect(reads.length).toBeGreaterThan(0);
          for (const line of reads) expect(line.trim().length).toBeGreaterThan(3);
          // the same shape the UI and `diagcollect list` show
          expect(CollectorInfoSchema.safeParse({ id: c.id, category: c.category, title: c.title, platforms: c.platforms, timeoutMs: c.timeoutMs, sensitive: c.sensitive, reads }).success).toBe(true);
        }
      }
    });
  });

  it('only the screenshot is sensitive; logs are the slow ones', () => {
    expect(COLLECTORS.filter((c) => c.sensitive).map((c) => c.id)).toEqual(['screenshot']);
    expect(COLLECTORS.filter((c) => c.slow).map((c) => c.id)).toEqual(['system-logs', 'app-logs', ...TRIAGE_SLOW]);
  });

  it('policy paths show up in describe() of the path collectors', () => {
    const byId = Object.fromEntries(COLLECTORS.map((c) => [c.id, c]));
    expect(byId['app-logs']!.describe('linux', policyWithPaths)).toContain('/var/log/app/*.log');
    expect(byId.config!.describe('linux', policyWithPaths)).toContain('/etc/app/config.xml');
    expect(byId.versions!.describe('linux', policyWithPaths).join('\n')).toContain('app --version');
  });
});

describe('collectorTitle: a collector as the user reads it', () => {
  it('is the title in the language asked for', () => {
    expect(collectorTitle('app-logs', 'zh-CN')).toBe('软件日志');
    expect(collectorTitle('app-logs', 'en')).toBe(COLLECTORS.find((c) => c.id === 'app-logs')!.title.en);
    for (const c of COLLECTORS) for (const lang of ['zh-CN', 'en'] as const) expect(collectorTitle(c.id, lang)).toBe(c.title[lang]);
  });

  it('is the id for a collector the registry does not know (a manifest from another version, a plug-in)', () => {
    expect(collectorTitle('plugin-x', 'zh-CN')).toBe('plugin-x');
    expect(collectorTitle('session', 'en')).toBe('session');
  });
});
