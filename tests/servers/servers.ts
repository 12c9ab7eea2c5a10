/**
 * Real ticket servers for the integration tests: reuses a running Redmine / Request Tracker
 * (started by CI's `.ci/run` or an earlier test run), else runs tests/servers/start-*.sh, which
 * installs the Debian packages if missing (needs root and apt) and starts the server. Serialised
 * with flock(1) so test files running in parallel never start a server twice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RUN_DIR = process.env.TICKET_RUN_DIR ?? join(REPO_ROOT, '.ticket-servers');
const SCRIPTS = fileURLToPath(new URL('.', import.meta.url));

export interface RedmineEnv {
  REDMINE_URL: string;
  REDMINE_API_KEY: string;
  REDMINE_PROJECT: string;
}

export interface RtEnv {
  RT_URL: string;
  RT_REST2: string;
  RT_TOKEN: string;
  RT_QUEUE: string;
  RT_USER: string;
  RT_PASSWORD: string;
}

function readEnvFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

async function healthy(url: string, headers: Record<string, string>): Promise<boolean> {
  try {
    const r = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
    await r.arrayBuffer();
    return r.ok;
  } catch {
    return false;
  }
}

function start(script: string): void {
  mkdirSync(RUN_DIR, { recursive: true });
  const r = spawnSync('flock', [join(RUN_DIR, '.start.lock'), 'bash', join(SCRIPTS, script)], {
    encoding: 'utf8',
    env: { ...process.env, TICKET_RUN_DIR: RUN_DIR },
    timeout: 570_000,
  });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export async function ensureRedmine(): Promise<RedmineEnv> {
  const file = join(RUN_DIR, 'redmine.env');
  const check = async () => {
    if (!existsSync(file)) return undefined;
    const env = readEnvFile(file) as unknown as RedmineEnv;
    return (await healthy(`${env.REDMINE_URL}/projects/${env.REDMINE_PROJECT}.json`, { 'X-Redmine-API-Key': env.REDMINE_API_KEY })) ? env : undefined;
  };
  const running = await check();
  if (running) return running;
  start('start-redmine.sh');
  const env = await check();
  if (!env) throw new Error(`Redmine started but is not healthy; see ${join(RUN_DIR, 'redmine.log')}`);
  return env;
}

export async function ensureRt(): Promise<RtEnv> {
  const file = join(RUN_DIR, 'rt.env');
  const check = async () => {
    if (!existsSync(file)) return undefined;
    const env = readEnvFile(file) as unknown as RtEnv;
    return (await healthy(`${env.RT_REST2}/rt`, { Authorization: `token ${env.RT_TOKEN}` })) ? env : undefined;
  };
  const running = await check();
  if (running) return running;
  start('start-rt.sh');
  const env = await check();
  if (!env) throw new Error(`Request Tracker started but is not healthy; see ${join(RUN_DIR, 'rt.log')}`);
  return env;
}
