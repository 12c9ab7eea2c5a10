/**
 * 配置文件: the configuration files of the company's software, from policy.configPaths. Same
 * rules as the application logs; structured files (.json, .xml, .yaml, .ini, .conf, .plist …)
 * are kept whole or skipped with the reason, never cut in the middle.
 */
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { copyPolicyFiles, describePaths } from './support/copy-files.js';
import type { Collector } from './types.js';

export const configCollector: Collector = {
  id: 'config',
  category: 'config',
  title: { 'zh-CN': '配置文件', en: 'Configuration files' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 30_000,
  sensitive: false,

  describe(_platform: Platform, policy: Policy): string[] {
    return describePaths(policy.configPaths, 'policy.configPaths', policy);
  },

  async run(ctx) {
    await copyPolicyFiles(ctx, { folder: 'configDir', patterns: ctx.policy.configPaths, policyKey: 'policy.configPaths' });
  },
};
