/**
 * `diagcollect baseline build` (the real CLI) over generated archives with planted outliers: the
 * baseline is distributions with k-anonymity, reads only a small part of each archive, is signed
 * with a link-signing key, and comparing each desktop with it flags exactly the planted outliers.
 * `diagcollect baseline check` puts one received archive against it through the fleet check
 * itself: the same findings, in both languages, with the signature checked as policy does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BaselineDocumentSchema, type BaselineDocument } from '../../shared/baseline.js';
import { PolicySchema } from '../../shared/policy.js';
import { fileSource, withArchive } from '../../electron/engine/compare/archive-reader.js';
import { fleetFindings } from '../../electron/engine/baseline/findings.js';
import { readFleetFacts } from '../../electron/engine/baseline/fleet-facts.js';
import { BaselineError, loadPolicyBaseline } from '../../electron/engine/baseline/load.js';
import { checkArchiveAgainstBaseline } from '../../electron/engine/baseline/check-archive.js';
import { REPO_ROOT } from '../servers/servers.js';
import { writeFleet, type DesktopSpec } from '../helpers/fleet-archives.js';

const BIN = join(REPO_ROOT, 'electron/cli/diagcollect.mjs');
const FLEET = 300;

let work: string;
let paths: string[];

/** What each planted desktop should be flagged for: index → "fact=value". */
const PLANTED: Record<number, string> = {
  7: 'dns=10.1.1.9',
  42: 'timeZone=Europe/Berlin',
  99: 'os=fedora 39',
  ...Object.fromEntries([11, 12, 13, 14, 15, 16].map((i) => [i, 'proxy=proxy2.corp.example:8080'])),
};

function plant(i: number, spec: DesktopSpec): DesktopSpec {
  if (i === 7) return { ...spec, dns: ['10.1.1.9'] };
  if (i === 42) return { ...spec, timeZone: 'Europe/Berlin' };
  if (i === 99) return { ...spec, os: { id: 'fedora', version: '39' } };
  if (i >= 11 && i <= 16) return { ...spec, proxy: 'http://agent:s3cret@proxy2.corp.example:8080' };
  return spec;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DIAGCOLLECT_DATA_DIR: join(work, 'data'), ...env }, timeout: 120_000 });
  // A child killed by a signal prints nothing: say so in what the assertions show.
  return { code: r.status, stdout: r.stdout, stderr: `${r.stderr}${r.signal ? `[killed by ${r.signal}]` : ''}${r.error ? `[${r.error.message}]` : ''}` };
}

beforeAll(async () => {
  work = mkdtempSync(join(os.tmpdir(), 'baseline-cli-'));
  paths = await writeFleet(join(work, 'fleet'), FLEET, plant, { fillerBytes: 128 * 1024 });
}, 120_000);

describe('diagcollect baseline build', () => {
  it('builds k-anonymous distributions from a folder, reading a small part of each archive, and flags exactly the planted outliers', async () => {
    const out = join(work, 'baseline.json');
    const r = cli(['baseline', 'build', join(work, 'fleet'), '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ ok: true, archives: FLEET, desktops: FLEET, duplicates: 0, unreadableTotal: 0, k: 5 });
    // central directory + four small entries: a small share of the bytes, a few reads per archive
    expect(result.io.bytesFetched).toBeLessThan(result.io.archiveBytes * 0.25);
    expect(result.io.requests).toBeLessThanOrEqual(FLEET * 6);

    const doc: BaselineDocument = BaselineDocumentSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(doc.facts.dns!.values.map((v) => v.value)).toEqual(['10.0.0.53', '10.0.0.54']);
    expect(doc.facts.dns!.other).toBe(1);
    expect(doc.facts.proxy!.values).toEqual([
      { value: 'proxy.corp.example:3128', count: FLEET - 6, share: (FLEET - 6) / FLEET },
      { value: 'proxy2.corp.example:8080', count: 6, share: 0.02 },
    ]);
    expect(doc.facts.gatewayPrefix!.values.map((v) => v.value).sort()).toEqual(['10.20.0.0/24', '10.21.0.0/24', '10.22.0.0/24']);
    expect(doc.facts['browser:chromium']!.values.map((v) => v.value)).toEqual(['120', '121']);
    expect(doc.facts['check:disk-space']!.values.map((v) => v.value)).toEqual(['pass', 'warn']);
    // privacy: no host names, no proxy credentials, no single machine's address
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/pc-0|s3cret|agent:|\.77\b|Europe\/Berlin|fedora|10\.1\.1\.9/);

    const flagged: Record<number, string> = {};
    for (const [i, path] of paths.entries()) {
      const facts = await withArchive(fileSource(path), (a) => readFleetFacts(a));
      const findings = fleetFindings(doc, facts.facts, 5);
      if (findings.length) flagged[i] = findings.map((f) => `${f.fact}=${f.value}`).join(',');
    }
    expect(flagged).toEqual(PLANTED);
  }, 180_000);

  it('counts a desktop once, lists an unreadable archive (exit 3), signs with --key, and policy loads only a verified baseline', async () => {
    const dup = join(work, 'dup');
    await writeFleet(dup, 6);
    const extra = join(work, 'dup', 'batch-0', 'again.zip');
    writeFileSync(extra, readFileSync(join(dup, 'batch-0', `10001_诊断信息_20261201-0930_pc-000001.zip`)));
    writeFileSync(join(work, 'dup', 'batch-0', 'broken.zip'), 'not a zip');
    const keys = cli(['link', 'keygen', '--out', join(work, 'agent.pem')]);
    expect(keys.code, keys.stderr).toBe(0);
    const publicKey = /([A-Za-z0-9+/]{43}=)/.exec(keys.stdout)![1]!;

    const out = join(work, 'signed.json');
    const r = cli(['baseline', 'build', dup, '--out', out, '--key', join(work, 'agent.pem'), '--k', '2', '--json']);
    expect(r.code, r.stderr).toBe(3);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ archives: 7, desktops: 6, duplicates: 1, unreadableTotal: 1, signature: `${out}.sig` });
    expect(result.unreadable[0].label).toContain('broken.zip');

    const policy = PolicySchema.parse({ baseline: { file: out }, linkSigning: { publicKeys: [publicKey] } });
    const doc = await loadPolicyBaseline(policy);
    expect(doc?.desktops).toBe(6);
    // changed after signing: refused, saying why
    writeFileSync(out, readFileSync(out, 'utf8').replace('"desktops": 6', '"desktops": 7'));
    await expect(loadPolicyBaseline(policy)).rejects.toThrow(BaselineError);
    await expect(loadPolicyBaseline(policy)).rejects.toThrow(/does not match any key/);
    // no trusted key: refused
    await expect(loadPolicyBaseline(PolicySchema.parse({ baseline: { file: out } }))).rejects.toThrow(/linkSigning.publicKeys/);
  }, 120_000);

  it('bad input: a source that does not exist, a bad --k', () => {
    const missing = cli(['baseline', 'build', join(work, 'nope'), '--out', join(work, 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    expect(cli(['baseline', 'build', join(work, 'fleet'), '--out', join(work, 'x.json'), '--k', '0']).code).toBe(2);
  });
});

describe('diagcollect baseline check', () => {
  let baselinePath: string;
  let policyPath: string;
  let doc: BaselineDocument;
  const policy = () => PolicySchema.parse(JSON.parse(readFileSync(policyPath, 'utf8')));

  beforeAll(() => {
    const keys = cli(['link', 'keygen', '--out', join(work, 'check.pem')]);
    expect(keys.code, keys.stderr).toBe(0);
    const publicKey = /([A-Za-z0-9+/]{43}=)/.exec(keys.stdout)![1]!;
    policyPath = join(work, 'check-policy.json');
    writeFileSync(policyPath, JSON.stringify({ linkSigning: { publicKeys: [publicKey] } }));
    baselinePath = join(work, 'check-baseline.json');
    const r = cli(['baseline', 'build', join(work, 'fleet'), '--out', baselinePath, '--key', join(work, 'check.pem'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    doc = BaselineDocumentSchema.parse(JSON.parse(readFileSync(baselinePath, 'utf8')));
  }, 120_000);

  it('flags exactly the planted outliers of every archive, through the fleet check and the checks runner', async () => {
    const flagged: Record<number, string> = {};
    for (const [i, path] of paths.entries()) {
      const results = await checkArchiveAgainstBaseline({ archive: path, baseline: doc, policy: policy() });
      const findings = results.filter((r) => r.id.startsWith('fleet:'));
      if (findings.length) flagged[i] = findings.map((r) => `${String(r.data!.fact)}=${String(r.data!.value)}`).join(',');
      else expect(results.map((r) => [r.id, r.status])).toEqual([['fleet', 'pass']]);
    }
    expect(flagged).toEqual(PLANTED);
  }, 120_000);

  it('prints the findings in the user’s language, warns (exit 3) only for what the user can act on, and says the signature was verified', () => {
    const dns = cli(['baseline', 'check', paths[7]!, '--baseline', baselinePath, '--policy', policyPath, '--lang', 'zh-CN']);
    expect(dns.code, dns.stderr).toBe(3);
    expect(dns.stdout).toContain('与全公司基线对比（300 台电脑');
    expect(dns.stdout).toContain('签名已验证');
    expect(dns.stdout).toContain('与全公司对比');
    expect(dns.stdout).toContain('DNS 服务器 10.1.1.9 很少见（少于 5 台电脑使用）；99.7% 使用 10.0.0.53');
    expect(dns.stdout).toContain('请联系 IT 恢复公司的标准网络设置');
    expect(dns.stdout).toMatch(/\[警告\]/);

    const zone = cli(['baseline', 'check', paths[42]!, '--baseline', baselinePath, '--policy', policyPath, '--lang', 'en', '--json']);
    expect(zone.code, zone.stderr).toBe(0);
    const out = JSON.parse(zone.stdout);
    expect(out).toMatchObject({ ok: true, exitCode: 0, archive: paths[42], baseline: { source: baselinePath, signed: true, desktops: 300, k: 5 } });
    expect(out.results).toHaveLength(1);
    expect(out.results[0]).toMatchObject({ id: 'fleet:timeZone', status: 'pass', data: { fact: 'timeZone', value: 'Europe/Berlin', rare: true, majority: { value: 'Asia/Shanghai', share: 0.9967 } } });
    expect(out.results[0].en.detail).toBe('Time zone Europe/Berlin is rare (fewer than 5 desktops); 99.7% use Asia/Shanghai');

    const usual = cli(['baseline', 'check', paths[3]!, '--baseline', baselinePath, '--policy', policyPath, '--lang', 'en']);
    expect(usual.code, usual.stderr).toBe(0);
    expect(usual.stdout).toContain('every setting matches most of the company’s desktops (baseline of 300 desktops)');
    expect(usual.stdout).toContain('signature verified');
  }, 180_000);

  it('uses the policy’s baseline when none is named, and refuses a changed, wrongly signed or missing baseline with the reason (exit 2)', () => {
    const withFile = join(work, 'check-policy-file.json');
    writeFileSync(withFile, JSON.stringify({ ...JSON.parse(readFileSync(policyPath, 'utf8')), baseline: { file: baselinePath } }));
    const fromPolicy = cli(['baseline', 'check', paths[11]!, '--policy', withFile, '--json']);
    expect(fromPolicy.code, fromPolicy.stderr).toBe(3);
    expect(JSON.parse(fromPolicy.stdout)).toMatchObject({ baseline: { source: baselinePath, signed: true }, results: [{ id: 'fleet:proxy', status: 'warn', data: { value: 'proxy2.corp.example:8080', share: 0.02 } }] });

    // An unsigned copy is the agent's own file: used, and said to be unsigned.
    const unsigned = join(work, 'unsigned.json');
    writeFileSync(unsigned, readFileSync(baselinePath));
    const plain = cli(['baseline', 'check', paths[3]!, '--baseline', unsigned, '--lang', 'zh-CN']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('未签名');

    // Changed after signing: the signature beside it no longer matches.
    const changed = join(work, 'changed.json');
    writeFileSync(changed, readFileSync(baselinePath, 'utf8').replace('"desktops": 300', '"desktops": 301'));
    writeFileSync(`${changed}.sig`, readFileSync(`${baselinePath}.sig`));
    const refused = cli(['baseline', 'check', paths[3]!, '--baseline', changed, '--policy', policyPath]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('does not match any key');
    // A signature but no key to check it with.
    const noKey = cli(['baseline', 'check', paths[3]!, '--baseline', baselinePath, '--json']);
    expect(noKey.code).toBe(2);
    expect(JSON.parse(noKey.stdout).error).toContain('linkSigning.publicKeys');
    // A named signature file that is not there.
    const noSig = cli(['baseline', 'check', paths[3]!, '--baseline', unsigned, '--signature', join(work, 'nope.sig')]);
    expect(noSig.code).toBe(2);
    expect(noSig.stderr).toContain('nope.sig does not exist');

    const none = cli(['baseline', 'check', paths[3]!]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--baseline');
    const notZip = join(work, 'not-an-archive.zip');
    writeFileSync(notZip, 'hello');
    const bad = cli(['baseline', 'check', notZip, '--baseline', unsigned]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not-an-archive.zip');
    rmSync(notZip);
    expect(cli(['baseline', 'check', join(work, 'missing.zip'), '--baseline', unsigned]).stderr).toContain('does not exist');
  }, 300_000);
});
