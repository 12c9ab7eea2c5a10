/**
 * Uploads honour the environment's proxy (issue 12 item 8): the real CLI uploads to the real
 * Redmine 5.0 on 127.0.0.1 (tests/servers/start-redmine.sh) through a real HTTP proxy started
 * here (the `proxy` package: CONNECT and forwarding, with Basic proxy authentication). The
 * proxy is on this machine too, so the loopback rule (a loopback target never goes through a
 * proxy elsewhere) lets it be used. NO_PROXY bypasses it; a dead proxy is named in the error.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRedmine, REPO_ROOT, type RedmineEnv } from '../servers/servers.js';
import { freePort } from './helpers/fault-proxy.js';
import { RedmineApi } from './helpers/ticket-apis.js';

const BIN = join(REPO_ROOT, 'electron/cli/diagcollect.mjs');
const PROXY_USER = 'diag';
const PROXY_PASSWORD = 'pr0xy-s3cret-Pw';
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];

let env: RedmineEnv;
let api: RedmineApi;
let work: string;
let proxy: ProxyServer;
let proxyPort: number;
/** What the proxy was asked for: "CONNECT host:port" or "GET http://…". */
const seen: string[] = [];

function cli(args: string[], childEnv: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Async: the proxy serving the child runs in this process.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** This process's environment without any proxy variable, plus the given ones. */
function cliEnv(dataDir: string, proxyVars: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PROXY_VARIABLES.includes(k)));
  return { ...base, DISPLAY: '', LANG: 'C.UTF-8', LC_ALL: '', DIAGCOLLECT_DATA_DIR: dataDir, DIAGCOLLECT_REDMINE_API_KEY: env.REDMINE_API_KEY, ...proxyVars };
}

function policyFile(): string {
  const p = join(mkdtempSync(join(work, 'policy-')), 'policy.json');
  writeFileSync(p, JSON.stringify({ upload: { target: 'redmine', redmine: { url: env.REDMINE_URL, project: env.REDMINE_PROJECT } } }));
  return p;
}

function allText(dir: string): string {
  let out = '';
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && !e.name.endsWith('.zip')) out += readFileSync(join(e.parentPath, e.name), 'latin1');
  }
  return out;
}

const redmineHostPort = () => new URL(env.REDMINE_URL).host;
const proxyUrl = (withCredentials = true) => `http://${withCredentials ? `${PROXY_USER}:${PROXY_PASSWORD}@` : ''}127.0.0.1:${proxyPort}`;

beforeAll(async () => {
  env = await ensureRedmine();
  api = new RedmineApi(env);
  work = mkdtempSync(join(os.tmpdir(), 'upload-proxy-'));
  proxy = createProxy(http.createServer());
  // Only our credentials open the proxy: a successful upload proves they were sent.
  proxy.authenticate = (req) => req.headers['proxy-authorization'] === `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`;
  proxy.on('connect', (req: http.IncomingMessage) => seen.push(`CONNECT ${req.url}`));
  proxy.on('request', (req: http.IncomingMessage) => seen.push(`${req.method} ${req.url}`));
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  proxyPort = (proxy.address() as AddressInfo).port;
}, 600_000);

afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  if (work) rmSync(work, { recursive: true, force: true });
  await api?.deleteCreated();
});

describe('uploads through the environment proxy (real proxy, real Redmine, real CLI)', () => {
  it('HTTP_PROXY with credentials: the ticket check and the upload go through the proxy; its password appears nowhere', async () => {
    const issue = await api.createIssue('【技术支持】代理上传');
    const dataDir = mkdtempSync(join(work, 'cli-'));
    seen.length = 0;
    const r = await cli(['collect', '--ticket', issue, '--only', 'versions', '--no-screenshot', '--upload', 'redmine', '--policy', policyFile(), '--json'], cliEnv(dataDir, { HTTP_PROXY: proxyUrl() }));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.upload).toMatchObject({ target: 'redmine', ticket: issue, state: 'done' });
    const attached = (await api.attachments(issue)).filter((a) => a.filename === out.archive.name);
    expect(attached).toHaveLength(1);
    expect(attached[0]!.filesize).toBe(out.archive.bytes);
    // undici tunnels through the proxy (CONNECT), also for an http:// server.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s === `CONNECT ${redmineHostPort()}`), seen.join('\n')).toBe(true);
    for (const text of [r.stdout, r.stderr, allText(dataDir)]) expect(text).not.toContain(PROXY_PASSWORD);
  }, 300_000);

  it('no_proxy (lower case) naming the server bypasses the proxy', async () => {
    const issue = await api.createIssue();
    const dataDir = mkdtempSync(join(work, 'cli-'));
    seen.length = 0;
    const r = await cli(['collect', '--ticket', issue, '--only', 'versions', '--no-screenshot', '--upload', 'redmine', '--policy', policyFile(), '--json'], cliEnv(dataDir, { http_proxy: proxyUrl(), no_proxy: 'example.test,127.0.0.1' }));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).upload).toMatchObject({ state: 'done' });
    expect(seen).toEqual([]);
    expect((await api.attachments(issue)).length).toBe(1);
  }, 300_000);

  it('wrong proxy credentials: refused before collecting (exit 2, like a wrong API key), the proxy named, never the password', async () => {
    const issue = await api.createIssue();
    const dataDir = mkdtempSync(join(work, 'cli-'));
    seen.length = 0;
    const wrong = `http://${PROXY_USER}:not-the-${PROXY_PASSWORD}@127.0.0.1:${proxyPort}`;
    const r = await cli(['collect', '--ticket', issue, '--only', 'versions', '--no-screenshot', '--upload', 'redmine', '--policy', policyFile(), '--json'], cliEnv(dataDir, { HTTP_PROXY: wrong }));
    expect(r.code, r.stderr).toBe(2);
    // Not "the upload was cancelled": undici reports a non-200 CONNECT answer as an abort.
    expect(r.stdout + r.stderr).toContain(`the proxy http://127.0.0.1:${proxyPort} (from HTTP_PROXY) did not accept the credentials (HTTP 407)`);
    expect(seen).toContain(`CONNECT ${redmineHostPort()}`);
    expect(await api.attachments(issue)).toEqual([]);
    for (const text of [r.stdout, r.stderr, allText(dataDir)]) expect(text).not.toContain(PROXY_PASSWORD);
  }, 300_000);

  it('a proxy that is down: the upload does not silently go direct; it is queued with the proxy named', async () => {
    const issue = await api.createIssue();
    const dataDir = mkdtempSync(join(work, 'cli-'));
    const dead = await freePort();
    const r = await cli(['collect', '--ticket', issue, '--only', 'versions', '--no-screenshot', '--upload', 'redmine', '--upload-wait', '0', '--policy', policyFile(), '--json'], cliEnv(dataDir, { HTTPS_PROXY: proxyUrl(), HTTP_PROXY: `http://127.0.0.1:${dead}` }));
    expect(r.code, r.stderr).toBe(4);
    const out = JSON.parse(r.stdout);
    expect(out.upload).toMatchObject({ state: 'queued', error: expect.stringContaining(`the proxy http://127.0.0.1:${dead} (from HTTP_PROXY) refuses connections`) });
    expect(await api.attachments(issue)).toEqual([]);
  }, 300_000);
});
