/**
 * The guide's path for the reported problem type (#18 item 3), ordered by what the evidence shows:
 * - 连接问题 connection: network configuration → restart router → change network;
 * - 功能异常 malfunction: permissions → restore defaults → log in again;
 * - 运行缓慢 slow: clear cache → close background programs → check DNS.
 * The step the evidence points at goes first; the agent reads why (`triage.basis.*`) and the
 * results it rests on (`data.basedOn`), the user one plain action.
 */
import { cm, msg, type CheckMessage } from '../../../shared/check-messages.js';
import type { CheckResult, ProblemType } from '../../../shared/types.js';
import { ADVICE } from './advice.js';
import type { CheckOutcome } from './types.js';

const PATHS = {
  connection: [ADVICE.checkNetworkConfig, ADVICE.restartRouter, ADVICE.changeNetwork],
  malfunction: [ADVICE.checkPermissions, ADVICE.restoreDefaults, ADVICE.logInAgain],
  slow: [ADVICE.clearCache, ADVICE.closeBackground, ADVICE.checkDns],
} as const;

const bad = (r: CheckResult) => r.status === 'fail' || r.status === 'warn';
const codes = (r: CheckResult) => JSON.stringify(r.detail);

/** The first step and why, from the other results. */
function lead(type: keyof typeof PATHS, results: readonly CheckResult[]): { first?: CheckMessage; basis: CheckMessage['code']; basedOn: string[] } {
  const failing = results.filter(bad);
  const find = (pred: (r: CheckResult) => boolean) => failing.filter(pred).map((r) => r.id);
  if (type === 'connection') {
    const gateway = find((r) => r.id === 'gateway');
    if (gateway.length) return { first: ADVICE.checkNetworkConfig, basis: 'triage.basis.gateway', basedOn: gateway };
    const dns = find((r) => r.id === 'dns' || codes(r).includes('"connection.dns.failed"'));
    if (dns.length) return { first: ADVICE.checkNetworkConfig, basis: 'triage.basis.dns', basedOn: dns };
    const proxy = find((r) => r.id === 'proxy');
    if (proxy.length) return { first: ADVICE.checkNetworkConfig, basis: 'triage.basis.proxy', basedOn: proxy };
    const cert = find((r) => /"connection\.tls\.(expired|notYet|wrongName|privateCa)"|"probe\.certificate"/.test(codes(r)));
    if (cert.length) return { first: ADVICE.changeNetwork, basis: 'triage.basis.certificate', basedOn: cert };
    const server = find((r) => r.id.startsWith('endpoints:') || r.id.startsWith('connection:'));
    if (server.length) return { first: ADVICE.changeNetwork, basis: 'triage.basis.server', basedOn: server };
  }
  if (type === 'malfunction') {
    // A server that answers 401/403 is reachable (its check passes) but refuses this user.
    const login = results.filter((r) => /"status":40[13]\b/.test(JSON.stringify(r.detail))).map((r) => r.id);
    if (login.length) return { first: ADVICE.logInAgain, basis: 'triage.basis.login', basedOn: login };
  }
  if (type === 'slow') {
    const memory = find((r) => r.id === 'memory');
    if (memory.length) return { first: ADVICE.closeBackground, basis: 'triage.basis.memory', basedOn: memory };
    const disk = find((r) => r.id === 'disk-space');
    if (disk.length) return { first: ADVICE.clearCache, basis: 'triage.basis.disk', basedOn: disk };
    const slowDns = find((r) => codes(r).includes('"dns.slow"'));
    if (slowDns.length) return { first: ADVICE.checkDns, basis: 'triage.basis.slowDns', basedOn: slowDns };
  }
  return { basis: 'triage.basis.none', basedOn: [] };
}

/** The advice result for a problem type, or nothing for `other` and unset. */
export function triageOutcome(problemType: ProblemType | undefined, results: readonly CheckResult[]): CheckOutcome | undefined {
  if (problemType === undefined || problemType === 'other') return undefined;
  const path = PATHS[problemType];
  const { first, basis, basedOn } = lead(problemType, results);
  const advice = first ? [first, ...path.filter((s) => s.code !== first.code)] : [...path];
  return {
    title: cm('title.triage', { type: msg(cm(`problem.${problemType}`)) }),
    status: basedOn.length ? 'warn' : 'pass',
    detail: cm(basis),
    advice,
    data: { problemType, basedOn, steps: advice.map((a) => a.code) },
  };
}
