/**
 * The registry: every collector, in the order a support agent reads the archive (versions and
 * system first, logs after, the screenshot last). The session starts `slow` collectors last.
 */
import { appLogsCollector } from './app-logs.js';
import { configCollector } from './config.js';
import { configDefaultsCollector } from './config-defaults.js';
import { diskLatencyCollector } from './disk-latency.js';
import { pendingUpdatesCollector, startupItemsCollector } from './startup-updates.js';
import { crashReportsCollector } from './crash-reports.js';
import { permissionsCollector } from './permissions.js';
import { firewallCollector } from './firewall.js';
import { networkPathCollector } from './network-path.js';
import { wifiCollector } from './wifi.js';
import { networkCollector } from './network.js';
import { processesCollector } from './processes.js';
import { resourceSampleCollector } from './resource-sample.js';
import { screenshotCollector } from './screenshot.js';
import { securityLogsCollector } from './security-logs.js';
import { softwareCollector } from './software.js';
import { systemLogsCollector } from './system-logs.js';
import { systemCollector } from './system.js';
import type { ArchiveLanguage } from '../../../shared/naming.js';
import type { Collector } from './types.js';
import { versionsCollector } from './versions.js';

export const COLLECTORS: readonly Collector[] = [
  versionsCollector,
  systemCollector,
  networkCollector,
  softwareCollector,
  processesCollector,
  systemLogsCollector,
  appLogsCollector,
  configCollector,
  // Triage (issue 18): the security logs, then the evidence each problem type adds (gated by the planner).
  securityLogsCollector,
  // 连接问题 connection
  networkPathCollector,
  firewallCollector,
  wifiCollector,
  // 功能异常 malfunction
  configDefaultsCollector,
  permissionsCollector,
  crashReportsCollector,
  // 运行缓慢 slow
  resourceSampleCollector,
  diskLatencyCollector,
  startupItemsCollector,
  pendingUpdatesCollector,
  screenshotCollector,
];

/**
 * A collector as the user reads it: its title in `lang` (`软件日志`, `Software logs`); the id for
 * an id the registry does not know (a collector of an older or newer version named in a manifest).
 */
export function collectorTitle(id: string, lang: ArchiveLanguage): string {
  return COLLECTORS.find((c) => c.id === id)?.title[lang] ?? id;
}
