/**
 * The fleet check on this computer, with a real signed baseline file in policy and the DNS
 * settings read from a resolv.conf of the test's own (policy networkFiles).
 */
import { checkView } from '../../../../shared/i18n/check-text.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { FleetCounter } from '../../../../electron/engine/baseline/distribution.js';
import { signBaseline } from '../../../../electron/engine/baseline/signature.js';
import { fleetCheck } from '../../../../electron/engine/checks/fleet.js';
import { runChecks } from '../../../../electron/engine/checks/runner.js';
import { publicKeyBase64 } from '../../../../electron/engine/link/keys.js';

const dir = mkdtempSync(join(os.tmpdir(), 'fleet-check-'));
const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** 97 desktops on 10.0.0.53, 2 on 10.1.1.9, 1 on 10.2.2.2 (k = 1: every value listed). */
function writeBaseline(k = 1): string {
  const counter = new FleetCounter();
  for (let i = 0; i < 100; i++) counter.add(`d${i}`, new Map([['dns', [i < 97 ? '10.0.0.53' : i < 99 ? '10.1.1.9' : '10.2.2.2']]]));
  const path = join(dir, `baseline-${k}.json`);
  const data = Buffer.from(JSON.stringify(counter.document(k)));
  writeFileSync(path, data);
  writeFileSync(`${path}.sig`, signBaseline(data, privateKey));
  return path;
}

function policy(baseline: string | undefined, nameserver: string, keys = [publicKeyBase64(publicKey)]) {
  const resolv = join(dir, `resolv-${nameserver}.conf`);
  writeFileSync(resolv, `nameserver ${nameserver}\n`);
  return PolicySchema.parse({ ...(baseline ? { baseline: { file: baseline } } : {}), linkSigning: { publicKeys: keys }, networkFiles: { resolvConf: resolv } });
}

const run = (p: ReturnType<typeof policy>) => runChecks({ policy: p, checks: [fleetCheck], platform: 'linux' });

describe('fleet check', () => {
  it('warns about a DNS server few desktops use, with the numbers for the agent and plain advice for the user', async () => {
    const results = await run(policy(writeBaseline(), '10.1.1.9'));
    const dns = results.find((r) => r.id === 'fleet:dns');
    expect(dns).toMatchObject({ status: 'warn', group: 'environment' });
    expect(dns!.en.detail).toBe('DNS server 10.1.1.9 is used by 2% of desktops; 97% use 10.0.0.53');
    expect(checkView(translator('zh-CN'), dns!).detail).toBe('DNS 服务器 10.1.1.9 仅 2% 的电脑使用；97% 使用 10.0.0.53');
    expect(checkView(translator('zh-CN'), dns!).advice[0]).toContain('请联系 IT');
    expect(dns!.user).toMatchObject({ show: true });
  });

  it('passes when this desktop uses what most do; a value folded into "other" is rare', async () => {
    const usual = await run(policy(writeBaseline(), '10.0.0.53'));
    expect(usual.map((r) => [r.id, r.status])).toEqual([['fleet', 'pass']]);
    const rare = await run(policy(writeBaseline(5), '10.2.2.2'));
    expect(rare.find((r) => r.id === 'fleet:dns')!.en.detail).toBe('DNS server 10.2.2.2 is rare (fewer than 5 desktops); 97% use 10.0.0.53');
  });

  it('is skipped with the reason when policy names no baseline, or the baseline is not signed by a trusted key', async () => {
    const none = await run(policy(undefined, '10.0.0.53'));
    expect(none[0]).toMatchObject({ id: 'fleet', status: 'skipped' });
    expect(none[0]!.en.detail).toContain('baseline.file or baseline.url');
    const other = generateKeyPairSync('ed25519').publicKey;
    const untrusted = await run(policy(writeBaseline(), '10.1.1.9', [publicKeyBase64(other)]));
    expect(untrusted[0]).toMatchObject({ id: 'fleet', status: 'skipped' });
    expect(untrusted[0]!.en.detail).toContain('does not match any key');
    // The reader's language, from the same catalogue as the CLI's refusal: no English inside a
    // Chinese checklist.
    expect(checkView(translator('zh-CN'), untrusted[0]!).detail).toMatch(/^基线无法使用：.*的签名与 linkSigning\.publicKeys 中的任何公钥都不匹配/);
  });

  it('a missing baseline file is named in the reader’s language, and the English stays for a code the catalogue does not know', async () => {
    const missing = await run(policy(join(dir, 'no-such-baseline.json'), '10.0.0.53'));
    expect(missing[0]).toMatchObject({ id: 'fleet', status: 'skipped' });
    expect(checkView(translator('zh-CN'), missing[0]!).detail).toBe(`基线无法使用：${join(dir, 'no-such-baseline.json')} 不存在；请检查路径`);
    const unknown = { ...missing[0]!, detail: [{ code: 'fleet.baselineProblem' as const, args: { problem: { problem: { code: 'from-a-newer-engine', params: {} }, en: 'a newer reason' } } }] };
    expect(checkView(translator('zh-CN'), unknown).detail).toBe('a newer reason');
  });
});
