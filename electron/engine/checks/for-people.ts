/**
 * What a person at the computer reads about each result (#15 "checks for people"): one plain
 * sentence, at most one action they can take, and whether to show the result at all. The
 * technical finding (ARP, NXDOMAIN, addresses, policy keys) stays in `detail` for the agent.
 *
 * - Not for the user: checks with nothing configured (no endpoints, no products, no supported-OS
 *   list …), results that are only evidence for the agent (each DNS server on its own), checks
 *   that did not run on purpose (other platform, disabled, cancelled) or crashed.
 * - "Contact IT" instead of a change the user cannot or must not make: when policy says IT
 *   manages the computer (`checks.managedNetwork`), and for a proxy that IT configured (PAC or
 *   automatic detection).
 */
import { cm, type CheckCode, type CheckMessage } from '../../../shared/check-messages.js';
import type { CheckResult } from '../../../shared/types.js';
import type { CheckContext, CheckOutcome } from './types.js';

export type UserView = CheckResult['user'];

/** Every code in a message tree (details nest messages inside arguments). */
function codesOf(messages: readonly CheckMessage[]): Set<CheckCode> {
  const out = new Set<CheckCode>();
  const walk = (m: CheckMessage) => {
    out.add(m.code);
    for (const arg of Object.values(m.args ?? {})) {
      if (typeof arg !== 'object') continue;
      if ('msg' in arg) walk(arg.msg);
      if ('list' in arg) arg.list.forEach(walk);
    }
  };
  messages.forEach(walk);
  return out;
}

const hidden = (sentence: CheckMessage): UserView => ({ show: false, sentence });
const shown = (sentence: CheckMessage, action?: CheckMessage): UserView => ({ show: true, sentence, ...(action ? { action } : {}) });

/** The user's view of one result of a check. */
export function forPeople(checkId: string, outcome: CheckOutcome, ctx: Pick<CheckContext, 'policy'>): UserView {
  const detail = Array.isArray(outcome.detail) ? outcome.detail : [outcome.detail];
  const codes = codesOf(detail);
  const has = (...list: CheckCode[]) => list.some((c) => codes.has(c));
  const managed = ctx.policy.checks.managedNetwork;
  const it = cm('user.action.contactIt');
  const ok = outcome.status === 'pass';
  const bad = outcome.status === 'fail' || outcome.status === 'warn';
  const name = typeof outcome.title?.args?.name === 'string' ? outcome.title.args.name : '';

  // Did not run on purpose, or nothing a user can act on: the agent has it in checks.json.
  if (has('runner.platform', 'runner.disabled', 'runner.cancelled', 'runner.error')) return hidden(cm('user.notChecked'));
  if (has('runner.timeout')) return checkId === 'endpoints' || checkId === 'gateway' || checkId === 'dns' || checkId === 'proxy' ? shown(cm('user.timeout'), managed ? it : cm('user.action.changeNetwork')) : hidden(cm('user.timeout'));
  const network = managed ? it : undefined;

  switch (checkId) {
    case 'gateway':
      if (outcome.status === 'skipped') return hidden(cm('user.gateway.unsure'));
      if (ok) return shown(cm('user.gateway.ok'));
      if (outcome.status === 'warn' && !has('gateway.none', 'gateway.unreachable')) return shown(cm('user.gateway.unsure'));
      return shown(cm('user.gateway.down'), network ?? cm('user.action.restartRouter'));
    case 'dns':
      // Each DNS server on its own is evidence for the agent; the user reads the system's verdict.
      if (outcome.subject) return hidden(ok ? cm('user.dns.ok') : cm('user.dns.down'));
      if (ok) return shown(cm('user.dns.ok'));
      if (has('dns.slow')) return shown(cm('user.dns.slow'), network);
      return shown(cm('user.dns.down'), network ?? cm('user.action.changeNetwork'));
    case 'proxy': {
      if (ok) return shown(cm('user.proxy.ok'));
      // A proxy from an auto-config script or automatic detection was set up by IT.
      const byIt = managed || has('proxy.pac', 'proxy.wpad');
      return shown(cm('user.proxy.down'), byIt ? it : cm('user.action.checkProxy'));
    }
    case 'endpoints':
      if (has('endpoints.notConfigured')) return hidden(cm('user.notChecked'));
      if (ok) return shown(cm('user.endpoint.ok', { name }));
      if (has('probe.certificate')) return shown(cm('user.endpoint.certificate', { name }), it);
      if (has('endpoints.slow')) return shown(cm('user.endpoint.slow', { name }), cm('user.action.tryLater'));
      if (has('endpoints.serverError', 'endpoints.badAddress')) return shown(cm('user.endpoint.serverError', { name }), it);
      return shown(cm('user.endpoint.down', { name }), network ?? cm('user.action.changeNetwork'));
    case 'captive-portal':
      if (has('captive.notConfigured')) return hidden(cm('user.notChecked'));
      if (ok) return shown(cm('user.captive.ok'));
      if (has('captive.intercepted')) return shown(cm('user.captive.login'), cm('user.action.loginNetwork'));
      return shown(cm('user.dns.down'), network ?? cm('user.action.changeNetwork'));
    case 'product-version':
      if (has('product.notConfigured', 'product.noTargets')) return hidden(cm('user.notChecked'));
      if (ok) return shown(cm('user.product.ok', { name }));
      if (has('product.notInstalled')) return shown(cm('user.product.missing', { name }), managed ? it : cm('user.action.installProduct', { name }));
      if (has('product.unreadable')) return shown(cm('user.product.unknown', { name }), it);
      if (has('product.older')) return shown(cm('user.product.old', { name }), managed ? it : cm('user.action.updateProduct', { name }));
      if (has('product.update.latest', 'product.update.recommended')) return shown(cm('user.product.update', { name }), managed ? it : cm('user.action.updateProduct', { name }));
      return hidden(cm('user.product.unknown', { name }));
    case 'os-version':
      if (outcome.status === 'skipped') return hidden(cm('user.notChecked'));
      return ok ? shown(cm('user.os.ok')) : shown(cm('user.os.unsupported'), it);
    case 'browsers':
      if (ok) return shown(cm('user.browsers.ok'));
      if (has('browsers.none', 'browsers.noneSupported')) return shown(cm('user.browsers.none'), managed ? it : cm('user.action.installBrowser'));
      return shown(cm('user.browsers.old'), managed ? it : cm('user.action.updateBrowser'));
    case 'disk-space':
      if (outcome.status === 'skipped') return hidden(cm('user.notChecked'));
      return bad ? shown(cm('user.disk.low'), cm('user.action.freeDisk')) : shown(cm('user.disk.ok'));
    case 'memory':
      return bad ? shown(cm('user.memory.low'), cm('user.action.closePrograms')) : shown(cm('user.memory.ok'));
    case 'clock':
      if (outcome.status === 'skipped') return hidden(cm('user.notChecked'));
      return bad ? shown(cm('user.clock.wrong'), managed ? it : cm('user.action.setTime')) : shown(cm('user.clock.ok'));
    case 'uptime': {
      const seconds = typeof outcome.data?.uptimeSeconds === 'number' ? outcome.data.uptimeSeconds : 0;
      return bad ? shown(cm('user.uptime.long', { days: Math.floor(seconds / 86_400) }), cm('user.action.restart')) : shown(cm('user.uptime.ok'));
    }
    case 'pending-reboot':
      if (outcome.status === 'skipped') return hidden(cm('user.notChecked'));
      return bad ? shown(cm('user.reboot.pending'), cm('user.action.restart')) : shown(cm('user.reboot.none'));
    case 'connection':
      if (has('connection.notRequested', 'connection.noEndpoints')) return hidden(cm('user.notChecked'));
      if (ok) return shown(cm('user.connection.ok', { name }));
      if (has('connection.tls.expired', 'connection.tls.notYet', 'connection.tls.wrongName', 'connection.tls.privateCa')) return shown(cm('user.connection.certificate', { name }), it);
      return shown(cm('user.connection.down', { name }), network ?? cm('user.action.changeNetwork'));
    case 'fleet':
      // Unusual network settings are IT's to put right; everything else is for the agent.
      return outcome.status === 'warn' ? shown(cm('user.fleet.unusual'), it) : hidden(cm('title.fleet'));
    case 'triage': {
      const type = outcome.data?.problemType;
      const first = outcome.advice?.[0]?.code;
      const action: Partial<Record<CheckCode, CheckMessage>> = {
        'advice.checkNetworkConfig': network ?? cm('user.action.checkNetwork'),
        'advice.restartRouter': network ?? cm('user.action.restartRouter'),
        'advice.changeNetwork': cm('user.action.changeNetwork'),
        'advice.logInAgain': cm('user.action.logInAgain'),
        'advice.clearCache': cm('user.action.clearCache'),
        'advice.closeBackground': cm('user.action.closePrograms'),
      };
      const sentence = type === 'malfunction' ? cm('user.triage.malfunction') : type === 'slow' ? cm('user.triage.slow') : cm('user.triage.connection');
      return shown(sentence, (first && action[first]) || it);
    }
    default:
      // A check this table does not know yet (a new plug-in): shown only when it found a problem.
      return bad ? shown(outcome.title ?? cm('user.notChecked'), managed ? it : undefined) : hidden(outcome.title ?? cm('user.notChecked'));
  }
}
