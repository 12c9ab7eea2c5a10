/**
 * Advice in the words of the support guide's common-issue paths (常见问题), in zh-CN and en:
 * - 连接问题 connection: 检查网络配置 → 重启路由器 → 更换网络, and the firewall;
 * - 功能异常 malfunction: 检查权限 → 恢复默认配置 → 重新登录;
 * - 运行缓慢 slow: 清理缓存 → 关闭后台程序 → 检查DNS.
 * Each check picks the steps that fit its finding, in the guide's order, plus the checklist's
 * own steps (update the software, restart and verify).
 */
import type { LocalizedText } from '../../../shared/types.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

export const ADVICE = {
  // 连接问题
  checkNetworkConfig: t('检查网络配置：网线或 Wi-Fi 是否连接，IP 地址、网关和 DNS 是否正确', 'Check network configuration: cable or Wi-Fi connected, IP address, gateway and DNS correct'),
  restartRouter: t('重启路由器（或调制解调器），等待一分钟后再试', 'Restart the router (or modem), wait a minute and try again'),
  changeNetwork: t('更换网络（例如手机热点或有线网络）再试，以判断是否为当前网络的问题', 'Change network (e.g. a phone hotspot or a wired connection) and try again, to tell whether this network is the cause'),
  checkFirewall: t('检查防火墙和安全软件是否拦截了该连接（端口、域名白名单）', 'Check whether a firewall or security software blocks the connection (ports, allowed domains)'),
  checkDnsServers: t('检查 DNS 服务器设置：改用其他 DNS 服务器（例如公司或运营商提供的）再试', 'Check DNS server settings: try another DNS server (e.g. the company\'s or the provider\'s)'),
  checkProxy: t('检查代理设置：代理地址和端口是否正确、代理服务器是否在运行', 'Check proxy settings: proxy address and port correct, proxy server running'),
  loginCaptivePortal: t('在浏览器中打开任意网页，完成网络登录（酒店、访客 Wi-Fi 的认证页面），或更换网络', 'Open any web page in a browser and complete the network login (hotel or guest Wi-Fi page), or change network'),
  // 功能异常
  checkPermissions: t('检查权限：当前用户是否有权读取相关文件和目录', 'Check permissions: can the current user read the files and folders involved'),
  restoreDefaults: t('恢复默认配置后再试', 'Restore the default configuration and try again'),
  logInAgain: t('退出后重新登录', 'Log out and log in again'),
  // 运行缓慢
  clearCache: t('清理缓存和临时文件', 'Clear caches and temporary files'),
  closeBackground: t('关闭不需要的后台程序', 'Close background programs that are not needed'),
  checkDns: t('检查 DNS：解析缓慢时改用更快的 DNS 服务器', 'Check DNS: when names resolve slowly, use a faster DNS server'),
  // 软件版本确认 / 系统环境检查 / 重启验证
  updateSoftware: t('将软件更新到推荐版本（或最新版本）', 'Update the software to the recommended (or latest) version'),
  updateBrowser: t('将浏览器更新到支持的版本', 'Update the browser to a supported version'),
  installBrowser: t('安装一个支持的浏览器', 'Install a supported browser'),
  upgradeOs: t('将操作系统升级到支持的版本，或在支持的系统上使用本软件', 'Upgrade the operating system to a supported version, or use the software on a supported system'),
  freeDiskSpace: t('释放磁盘空间：清空回收站，删除不需要的大文件，卸载不用的软件', 'Free disk space: empty the trash, delete large files that are not needed, uninstall unused software'),
  syncClock: t('同步系统时间：开启自动对时（NTP），检查时区设置', 'Synchronize the system clock: turn on automatic time (NTP), check the time zone'),
  restartComputer: t('重启计算机，然后验证问题是否仍然存在（重启验证）', 'Restart the computer, then verify whether the problem persists (restart and verify)'),
} as const;

/** 连接问题: check network configuration → restart router → change network, and the firewall. */
export const CONNECTION_PATH: LocalizedText[] = [ADVICE.checkNetworkConfig, ADVICE.restartRouter, ADVICE.changeNetwork, ADVICE.checkFirewall];

/** 功能异常: check permissions → restore the default configuration → log in again. */
export const MALFUNCTION_PATH: LocalizedText[] = [ADVICE.checkPermissions, ADVICE.restoreDefaults, ADVICE.logInAgain];

/** 运行缓慢: clear the cache → close background programs → check DNS. */
export const SLOW_PATH: LocalizedText[] = [ADVICE.clearCache, ADVICE.closeBackground, ADVICE.checkDns];
