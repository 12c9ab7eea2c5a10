/**
 * 连接问题 evidence against real HTTPS servers on 127.0.0.1 whose certificates this test makes
 * with the `openssl` CLI (run asynchronously): one valid under our own CA, one expired, one for
 * the wrong name. Each step (DNS per resolver, TCP, TLS, HTTP) is in the evidence, and the
 * guide's path comes after, in both languages.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectionCheck } from '../../../../electron/engine/checks/connection.js';
import { runChecks } from '../../../../electron/engine/checks/runner.js';
import { checkText, checkView } from '../../../../shared/i18n/check-text.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { PolicySchema } from '../../../../shared/policy.js';
import type { CheckResult } from '../../../../shared/types.js';
import { startDnsServer, type DnsServer } from '../../../helpers/check-servers.js';
import { englishSentences } from '../../../helpers/english-scan.js';

const run = promisify(execFile);
let dir: string;
const servers: https.Server[] = [];
const ports: Record<'valid' | 'expired' | 'wrongName', number> = { valid: 0, expired: 0, wrongName: 0 };
let dnsServer: DnsServer;

async function openssl(args: string[]) {
  await run('openssl', args, { cwd: dir });
}

/** A leaf for `names`, signed by our CA, valid between the two dates (openssl ca: any dates). */
async function leaf(name: string, san: string, start: string, end: string) {
  await openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-subj', `/CN=${san.split(',')[0]!.replace(/^DNS:/, '')}`, '-addext', `subjectAltName=${san}`, '-out', `${name}.csr`]);
  await openssl(['ca', '-batch', '-config', 'ca.cnf', '-in', `${name}.csr`, '-out', `${name}.pem`, '-startdate', start, '-enddate', end, '-notext']);
}

async function serve(name: string): Promise<number> {
  const server = https.createServer({ key: await readFile(join(dir, `${name}.key`)), cert: await readFile(join(dir, `${name}.pem`)) }, (_req, res) => {
    res.writeHead(204);
    res.end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'conn-certs-'));
  await mkdir(join(dir, 'new'));
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await writeFile(
    join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca=own\n[own]\ndir=${dir}\ndatabase=${dir}/index.txt\nnew_certs_dir=${dir}/new\nserial=${dir}/serial\ncertificate=${dir}/ca.pem\nprivate_key=${dir}/ca.key\ndefault_md=sha256\npolicy=any\ncopy_extensions=copy\nunique_subject=no\n[any]\ncommonName=supplied\n`,
  );
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=Diagcollect Test Enterprise CA']);
  const now = new Date();
  const stamp = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
  await leaf('valid', 'DNS:localhost,IP:127.0.0.1', stamp(new Date(now.getTime() - 86_400_000)), stamp(new Date(now.getTime() + 20 * 86_400_000)));
  await leaf('expired', 'DNS:localhost,IP:127.0.0.1', '20200101000000Z', '20200201000000Z');
  await leaf('wrong', 'DNS:wrong.example.com', stamp(new Date(now.getTime() - 86_400_000)), stamp(new Date(now.getTime() + 20 * 86_400_000)));
  [ports.valid, ports.expired, ports.wrongName] = await Promise.all([serve('valid'), serve('expired'), serve('wrong')]);
  dnsServer = await startDnsServer({ localhost: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await dnsServer?.close();
});

const policy = (caFile?: string) =>
  PolicySchema.parse({
    checks: {
      probeTimeoutMs: 8000, // the most policy allows: every server here answers or refuses at once; a busy machine must not turn a slow answer into a fail
      endpoints: [
        { name: 'Valid', url: `https://localhost:${ports.valid}/` },
        { name: 'Expired', url: `https://localhost:${ports.expired}/` },
        { name: 'Wrong name', url: `https://localhost:${ports.wrongName}/` },
      ],
    },
    ...(caFile ? { upload: { caFile } } : {}),
  });

async function evidence(caFile?: string): Promise<Record<string, CheckResult>> {
  const check = createConnectionCheck({ servers: () => [dnsServer.address] });
  const results = await runChecks({ policy: policy(caFile), checks: [check], problemType: 'connection', env: {} });
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

const zh = (m: CheckResult) => checkView(translator('zh-CN'), m);

describe('connection evidence (real HTTPS servers, certificates made by openssl)', () => {
  it('with the enterprise CA in policy: the valid one passes every step; expired and wrong name fail in TLS, with the dates and names', async () => {
    const by = await evidence(join(dir, 'ca.pem'));
    const valid = by['connection:Valid']!;
    expect(valid.status).toBe('pass');
    expect(valid.en.detail).toMatch(new RegExp(`DNS server ${dnsServer.address.replace(/\./g, '\\.')} answered 127\\.0\\.0\\.1 \\(\\d+ ms\\); TCP connection to 127\\.0\\.0\\.1 port ${ports.valid} succeeded`));
    expect(valid.en.detail).toContain('issued by the enterprise CA named in policy (Diagcollect Test Enterprise CA)');
    expect(valid.en.detail).toMatch(/direct: HTTP 204/);
    expect((valid.data as { tls: { issuedBy: string; chain: unknown[] } }).tls.issuedBy).toBe('enterprise');

    const expired = by['connection:Expired']!;
    expect(expired.status).toBe('fail');
    expect(expired.en.detail).toMatch(/the server certificate expired on 1 Feb 2020/);
    expect(zh(expired).detail).toMatch(/服务器证书已于 2020年2月1日 .*过期/);
    expect((expired.data as { tls: { state: string } }).tls.state).toBe('expired');

    const wrong = by['connection:Wrong name']!;
    expect(wrong.status).toBe('fail');
    expect(wrong.en.detail).toContain('the server certificate is not for localhost (names on it: wrong.example.com)');
    expect(zh(wrong).detail).toContain('服务器证书不是为 localhost 签发的（证书上的名称：wrong.example.com）');
    // For the user: plain words, one action (IT: a certificate is not the user's to fix).
    expect(checkText(translator('zh-CN'), wrong.user.sentence)).toBe('到 Wrong name 的安全连接有问题');
    expect(checkText(translator('zh-CN'), wrong.user.action!)).toMatch(/^请联系 IT/);
    for (const r of Object.values(by)) for (const text of [zh(r).title, zh(r).detail, ...zh(r).advice]) expect(englishSentences(text), text).toEqual([]);
  }, 30_000);

  it('without the CA in policy the valid certificate is from an unknown CA: an enterprise CA or a proxy intercepting HTTPS', async () => {
    const by = await evidence();
    const valid = by['connection:Valid']!;
    expect(valid.status).toBe('fail');
    expect(valid.en.detail).toContain('issued by a CA that is not a public root (Diagcollect Test Enterprise CA): an enterprise CA, or a proxy intercepting HTTPS');
    expect(zh(valid).detail).toContain('可能是企业证书，或代理在拦截 HTTPS');
    expect((valid.data as { tls: { issuedBy: string } }).tls.issuedBy).toBe('unknown');
  }, 30_000);

  it('the guide\'s connection path comes after the evidence, led by what it shows; not for other problem types', async () => {
    const check = createConnectionCheck({ servers: () => [dnsServer.address] });
    const results = await runChecks({ policy: policy(join(dir, 'ca.pem')), checks: [check], problemType: 'connection', env: {} });
    const triage = results.at(-1)!;
    expect(triage.id).toBe('triage');
    // A certificate problem with a working network: change network first (is it this network?).
    expect(triage.advice.map((a) => a.code)).toEqual(['advice.changeNetwork', 'advice.checkNetworkConfig', 'advice.restartRouter']);
    expect(triage.en.detail).toBe('because the server certificate is wrong (expired, wrong name or intercepted)');
    expect(checkView(translator('zh-CN'), triage).title).toBe('排查建议（连接问题）');
    expect(triage.en.sentence).toBe('For the connection problem, try this first');
    expect(triage.en.action).toBe('Try another network (a phone hotspot, for example)');
    const other = await runChecks({ policy: policy(), checks: [check], problemType: 'slow', env: {} });
    expect(other.map((r) => r.id)).toEqual(['connection', 'triage']);
    expect(other[0]).toMatchObject({ status: 'skipped', user: { show: false } });
    expect(other[1]!.advice.map((a) => a.code)).toEqual(['advice.clearCache', 'advice.closeBackground', 'advice.checkDns']);
  }, 30_000);
});
