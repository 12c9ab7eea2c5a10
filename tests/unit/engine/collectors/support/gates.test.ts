import { describe, expect, it } from 'vitest';
import { forProblemTypes, securityLogsGate } from '../../../../../electron/engine/collectors/support/gates.js';
import type { Collector } from '../../../../../electron/engine/collectors/types.js';
import { planCollectors } from '../../../../../electron/engine/session.js';
import { englishReason, translator } from '../../../../../shared/i18n/translate.js';
import { DEFAULT_POLICY, PolicySchema } from '../../../../../shared/policy.js';
import { ProblemTypeSchema } from '../../../../../shared/types.js';

const collector = (id: string, gate?: Collector['gate']): Collector => ({
  id,
  category: 'system',
  title: { 'zh-CN': id, en: id },
  platforms: ['linux'],
  timeoutMs: 1000,
  sensitive: false,
  describe: () => [],
  run: async () => {},
  ...(gate ? { gate } : {}),
});

describe('problem-type gates in the planner', () => {
  const everyday = collector('everyday');
  const slowOnly = collector('slow-only', forProblemTypes('slow'));
  const plan = (problemType?: 'slow' | 'connection', only?: string[]) =>
    planCollectors({ collectors: [everyday, slowOnly], policy: DEFAULT_POLICY, platform: 'linux', ...(problemType ? { intake: { problemType } } : {}), ...(only ? { only } : {}) });

  it('runs problem-type evidence only for its type, with the reason in both languages otherwise', () => {
    expect(plan('slow').run.map((c) => c.id)).toEqual(['everyday', 'slow-only']);
    const other = plan('connection');
    expect(other.run.map((c) => c.id)).toEqual(['everyday']);
    expect(other.skipped[0]!.code).toEqual({ code: 'problem-type', types: ['slow'], actual: 'connection' });
    expect(other.skipped[0]!.reason).toBe('collected only for problem type running slowly (this one: connection problem)');
    expect(translator('zh-CN').reason(other.skipped[0]!.code)).toBe('只在问题类型为运行缓慢时收集（本次：连接问题）');
    expect(translator('zh-CN').reason(plan().skipped[0]!.code)).toBe('只在问题类型为运行缓慢时收集（本次：未填写）');
  });

  it('runs it when the user names it in --only', () => {
    expect(plan(undefined, ['slow-only']).run.map((c) => c.id)).toEqual(['slow-only']);
  });
});

describe('security logs gate', () => {
  it('is off by default, for privacy', () => {
    expect(securityLogsGate(DEFAULT_POLICY, 'malfunction')).toEqual({ code: 'security-logs-off' });
    expect(englishReason({ code: 'security-logs-off' })).toMatch(/off in policy for privacy \(securityLogs\)/);
  });
  it('is on when IT switches it on, or for the problem types IT lists', () => {
    expect(securityLogsGate(PolicySchema.parse({ securityLogs: { enabled: true } }), undefined)).toBeUndefined();
    const byType = PolicySchema.parse({ securityLogs: { problemTypes: ['malfunction', 'connection'] } });
    expect(securityLogsGate(byType, 'connection')).toBeUndefined();
    expect(securityLogsGate(byType, 'slow')).toEqual({ code: 'problem-type', types: ['malfunction', 'connection'], actual: 'slow' });
  });
  it('says how to get elevation, with the path IT configured', () => {
    expect(translator('zh-CN').reason({ code: 'needs-elevation' })).toBe('需要管理员权限才能读取；请以管理员身份运行 diagcollect');
    expect(englishReason({ code: 'needs-elevation', path: 'Software Center → “DiagCollect (admin)”' })).toBe('needs administrator rights to read; use the elevated path IT configured: Software Center → “DiagCollect (admin)”');
  });
  it('policy and the reasons know the same four problem types as the intake', () => {
    expect(PolicySchema.shape.securityLogs.unwrap().shape.problemTypes.unwrap().element.options).toEqual(ProblemTypeSchema.options);
  });
});
