/**
 * Advice in the words of the support guide's common-issue paths (常见问题), as catalogue codes
 * (`check.advice.*` in shared/i18n/messages.ts):
 * - 连接问题 connection: 检查网络配置 → 重启路由器 → 更换网络, and the firewall;
 * - 功能异常 malfunction: 检查权限 → 恢复默认配置 → 重新登录;
 * - 运行缓慢 slow: 清理缓存 → 关闭后台程序 → 检查DNS.
 * Each check picks the steps that fit its finding, in the guide's order, plus the checklist's
 * own steps (update the software, restart and verify).
 */
import { cm, type CheckMessage } from '../../../shared/check-messages.js';

export const ADVICE = {
  // 连接问题
  checkNetworkConfig: cm('advice.checkNetworkConfig'),
  restartRouter: cm('advice.restartRouter'),
  changeNetwork: cm('advice.changeNetwork'),
  checkFirewall: cm('advice.checkFirewall'),
  checkDnsServers: cm('advice.checkDnsServers'),
  checkProxy: cm('advice.checkProxy'),
  loginCaptivePortal: cm('advice.loginCaptivePortal'),
  // 功能异常
  checkPermissions: cm('advice.checkPermissions'),
  restoreDefaults: cm('advice.restoreDefaults'),
  logInAgain: cm('advice.logInAgain'),
  // 运行缓慢
  clearCache: cm('advice.clearCache'),
  closeBackground: cm('advice.closeBackground'),
  checkDns: cm('advice.checkDns'),
  // 软件版本确认 / 系统环境检查 / 重启验证
  updateSoftware: cm('advice.updateSoftware'),
  updateBrowser: cm('advice.updateBrowser'),
  installBrowser: cm('advice.installBrowser'),
  upgradeOs: cm('advice.upgradeOs'),
  freeDiskSpace: cm('advice.freeDiskSpace'),
  syncClock: cm('advice.syncClock'),
  restartComputer: cm('advice.restartComputer'),
  serverFault: cm('advice.serverFault'),
  checkEndpointUrl: cm('advice.checkEndpointUrl'),
  addMemory: cm('advice.addMemory'),
  installProduct: cm('advice.installProduct'),
  retryNetwork: cm('advice.retryNetwork'),
} as const satisfies Record<string, CheckMessage>;

/** 连接问题: check network configuration → restart router → change network, and the firewall. */
export const CONNECTION_PATH: CheckMessage[] = [ADVICE.checkNetworkConfig, ADVICE.restartRouter, ADVICE.changeNetwork, ADVICE.checkFirewall];

/** 功能异常: check permissions → restore the default configuration → log in again. */
export const MALFUNCTION_PATH: CheckMessage[] = [ADVICE.checkPermissions, ADVICE.restoreDefaults, ADVICE.logInAgain];

/** 运行缓慢: clear the cache → close background programs → check DNS. */
export const SLOW_PATH: CheckMessage[] = [ADVICE.clearCache, ADVICE.closeBackground, ADVICE.checkDns];
