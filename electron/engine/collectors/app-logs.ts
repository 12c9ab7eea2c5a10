/**
 * 软件日志: the log files of the company's software, from policy.appLogPaths (files, folders or
 * globs; `~`, `$VAR`, `%ProgramData%` expanded), newest first. Logs keep their newest lines when
 * over the per-file cap; structured files (.json, .xml …) are kept whole or skipped.
 */
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { copyPolicyFiles, describePaths } from './support/copy-files.js';
import type { Collector } from './types.js';

export const appLogsCollector: Collector = {
  id: 'app-logs',
  category: 'app-logs',
  title: { 'zh-CN': '软件日志', en: 'Application logs' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 30_000,
  sensitive: false,
  slow: true,

  describe(_platform: Platform, policy: Policy): string[] {
    return describePaths(policy.appLogPaths, 'policy.appLogPaths', policy);
  },

  async run(ctx) {
    await copyPolicyFiles(ctx, { folder: 'appLogDir', patterns: ctx.policy.appLogPaths, policyKey: 'policy.appLogPaths' });
  },
};
