/**
 * The policy when nobody configured anything: the defaults of shared/policy.ts's schema, written
 * out. A literal rather than `PolicySchema.parse({})` so that commands which only read the
 * defaults (`list`, `check`) start without loading zod and building every schema (issue 13, item
 * 8: about 150 ms of a 250 ms start). The schema stays the one truth: a unit test
 * (tests/unit/shared/default-policy.test.ts) fails when the two differ, so a new default cannot
 * land in one place only.
 */
import type { Policy } from './policy.js';

export const DEFAULT_POLICY: Policy = {
  archiveLanguage: 'zh-CN',
  deadlineSeconds: 60,
  concurrency: 4,
  since: '24h',
  disabledCollectors: [],
  screenshotAllowed: true,
  appLogPaths: [],
  configPaths: [],
  windowsEventLogs: ['System', 'Application'],
  macosLogPredicate: 'messageType == error OR messageType == fault',
  caps: {
    fileBytes: 20 * 1024 * 1024,
    collectorBytes: 200 * 1024 * 1024,
    filesPerPath: 200,
    systemLogBytes: 50 * 1024 * 1024,
  },
  products: [],
  record: { maxMinutes: 10, intervalSeconds: 10, screenshots: true },
  checks: {
    disabled: [],
    endpoints: [],
    dnsNames: [],
    supportedOs: [],
    browsers: [],
    disk: { warnPercent: 10, failPercent: 2, failBytes: 1024 * 1024 * 1024 },
    memory: { warnPercent: 15, failPercent: 5 },
    clockSkew: { warnSeconds: 60, failSeconds: 300 },
    uptimeWarnDays: 30,
    probeTimeoutMs: 3000,
    slowMs: 1500,
    managedNetwork: false,
  },
  upload: { target: 'outbox' },
  securityLogs: { enabled: false, problemTypes: [] },
  triage: { sampleSeconds: 30, configDefaults: [], productPaths: [], processNames: [] },
};
