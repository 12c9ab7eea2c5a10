/** Checks for people (#15): one plain sentence, at most one action, "contact IT" when IT manages the setting; unconfigured checks hidden. */
import { describe, expect, it } from 'vitest';
import { forPeople } from '../../../../electron/engine/checks/for-people.js';
import { runChecks } from '../../../../electron/engine/checks/runner.js';
import { cm } from '../../../../shared/check-messages.js';
import { checkText } from '../../../../shared/i18n/check-text.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { PolicySchema } from '../../../../shared/policy.js';
import type { CheckResult } from '../../../../shared/types.js';
import { refusedPort } from '../../../helpers/check-servers.js';

/** Words of the agent's detail that must never reach the user. */
const JARGON = /ARP|NDP|NXDOMAIN|SERVFAIL|fd00|::1|\bchecks\.|policy|\d+\.\d+\.\d+\.\d+|E[A-Z]{4,}|PAC|WPAD/;

const userTexts = (r: CheckResult) =>
  (['zh-CN', 'en'] as const).flatMap((l) => [checkText(translator(l), r.user.sentence), ...(r.user.action ? [checkText(translator(l), r.user.action)] : [])]);

describe('checks for people', () => {
  it('the empty policy: unconfigured checks stay in the results but are not for the user; the rest read plainly', async () => {
    const results = await runChecks({ policy: PolicySchema.parse({ checks: { probeTimeoutMs: 500 } }) });
    const by = Object.fromEntries(results.map((r) => [r.id, r]));
    for (const id of ['endpoints', 'captive-portal', 'product-version', 'os-version']) {
      expect(by[id], id).toBeDefined();
      expect(by[id]!.user.show, id).toBe(false);
    }
    for (const id of ['disk-space', 'memory', 'uptime']) expect(by[id]!.user.show, id).toBe(true);
    // Each DNS server on its own is the agent's evidence; the user reads the system's verdict.
    for (const r of results.filter((x) => x.id.startsWith('dns:'))) expect(r.user.show).toBe(false);
    for (const r of results) {
      for (const text of userTexts(r)) expect(text, `${r.id}: ${text}`).not.toMatch(JARGON);
      expect(r.en.sentence).toBe(checkText(translator('en'), r.user.sentence));
    }
  }, 30_000);

  it('a server that refuses: "cannot be reached" and one action — another network, or IT when IT manages the computer', async () => {
    const port = await refusedPort();
    const policy = (managedNetwork: boolean) => PolicySchema.parse({ checks: { probeTimeoutMs: 500, managedNetwork, endpoints: [{ name: 'Portal', url: `http://127.0.0.1:${port}/` }] } });
    const [own] = await runChecks({ policy: policy(false), only: ['endpoints'] });
    const [managed] = await runChecks({ policy: policy(true), only: ['endpoints'] });
    expect(own!.status).toBe('fail');
    expect(own!.user).toEqual({ show: true, sentence: cm('user.endpoint.down', { name: 'Portal' }), action: cm('user.action.changeNetwork') });
    expect(managed!.user.action).toEqual(cm('user.action.contactIt'));
    expect(checkText(translator('zh-CN'), managed!.user.action!)).toMatch(/^请联系 IT/);
    expect(managed!.en).toMatchObject({ sentence: 'Portal cannot be reached', action: expect.stringMatching(/^Contact your IT/) });
    // The technical finding stays for the agent.
    expect(managed!.en.detail).toMatch(/connection refused/);
  });

  it('a proxy IT configured (auto-config script) sends the user to IT; a gateway down on an own network: restart the router', () => {
    const policy = PolicySchema.parse({});
    const pac = forPeople('proxy', { status: 'fail', detail: [cm('proxy.desktop.refused', { source: 'WinINET', proxy: 'p:8080' }), cm('proxy.pac', { source: 'WinINET', url: 'http://wpad/p.pac' })] }, { policy });
    expect(pac.action).toEqual(cm('user.action.contactIt'));
    const own = forPeople('proxy', { status: 'fail', detail: cm('proxy.env.refused', { proxy: 'p:8080', variables: 'http_proxy' }) }, { policy });
    expect(own.action).toEqual(cm('user.action.checkProxy'));
    const gw = forPeople('gateway', { status: 'fail', detail: cm('gateway.unreachable', { gateway: '192.168.1.1' }) }, { policy });
    expect(gw).toEqual({ show: true, sentence: cm('user.gateway.down'), action: cm('user.action.restartRouter') });
    const gwManaged = forPeople('gateway', { status: 'fail', detail: cm('gateway.unreachable', { gateway: '192.168.1.1' }) }, { policy: PolicySchema.parse({ checks: { managedNetwork: true } }) });
    expect(gwManaged.action).toEqual(cm('user.action.contactIt'));
    // Never more than one action; a check that did not run on purpose is not shown.
    expect(forPeople('memory', { status: 'skipped', detail: cm('runner.disabled') }, { policy }).show).toBe(false);
  });
});

describe('the guide\'s path for malfunction, led by the evidence', () => {
  it('a server refusing this user (HTTP 403, a passing endpoint) puts "log in again" first', async () => {
    const { triageOutcome } = await import('../../../../electron/engine/checks/triage.js');
    const { checkResult } = await import('../../../helpers/check-result.js');
    const { dur, list } = await import('../../../../shared/check-messages.js');
    const portal = checkResult({ id: 'endpoints:Portal', group: 'network', title: cm('title.endpoint', { name: 'Portal' }), status: 'pass', detail: cm('endpoints.answer', { status: 403, took: dur(12), steps: list([]) }), advice: [], durationMs: 12 });
    expect(triageOutcome('malfunction', [portal])!.advice!.map((a) => a.code)).toEqual(['advice.logInAgain', 'advice.checkPermissions', 'advice.restoreDefaults']);
    expect(triageOutcome('malfunction', [])!.advice!.map((a) => a.code)).toEqual(['advice.checkPermissions', 'advice.restoreDefaults', 'advice.logInAgain']);
    expect(triageOutcome('other', [portal])).toBeUndefined();
  });
});
