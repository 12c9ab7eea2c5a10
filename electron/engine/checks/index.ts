/**
 * The registry: every check, in the order of the support guide's basic checklist
 * (基础检查清单): 1 network, 2 software version, 3 system environment, 4 restart.
 */
import { browsersCheck } from './browsers.js';
import { captivePortalCheck } from './captive-portal.js';
import { clockCheck } from './clock.js';
import { connectionCheck } from './connection.js';
import { diskSpaceCheck } from './disk-space.js';
import { dnsCheck } from './dns.js';
import { endpointsCheck } from './endpoints.js';
import { fleetCheck } from './fleet.js';
import { gatewayCheck } from './gateway.js';
import { memoryCheck } from './memory.js';
import { osVersionCheck } from './os-version.js';
import { pendingRebootCheck } from './pending-reboot.js';
import { productVersionCheck } from './product-version.js';
import { proxyCheck } from './proxy.js';
import type { Check } from './types.js';
import { uptimeCheck } from './uptime.js';

export const CHECKS: readonly Check[] = [
  gatewayCheck,
  dnsCheck,
  proxyCheck,
  endpointsCheck,
  connectionCheck,
  captivePortalCheck,
  productVersionCheck,
  osVersionCheck,
  browsersCheck,
  diskSpaceCheck,
  memoryCheck,
  clockCheck,
  fleetCheck,
  uptimeCheck,
  pendingRebootCheck,
];
