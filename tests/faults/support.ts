/**
 * The fault suite's tools: the real CLI as a child process, hanging fakes of the commands our
 * Linux collectors and checks run (first in PATH), and a look into /proc for anything left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';
import { LINUX_BROWSER_COMMANDS } from '../../electron/engine/checks/browsers.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'electron/cli/diagcollect.mjs');

/**
 * Every command a Linux collection may start (collectors and the checklist beside them). The
 * plans of the Linux collectors are empty (they read files or pick tools at run time), so the
 * list is kept here, by reading the code: system (df), network (ip, resolvectl, gsettings),
 * software (dpkg-query, rpm, flatpak, snap), processes (ps), system logs (journalctl, dmesg),
 * screenshot (import, xwd, convert, gnome-screenshot, grim), checks (timedatectl, ip, ping,
 * needs-restarting, the browsers' --version), virtualisation (systemd-detect-virt).
 */
export const LINUX_COMMANDS = [
  'df',
  'ip',
  'resolvectl',
  'gsettings',
  'dpkg-query',
  'rpm',
  'flatpak',
  'snap',
  'ps',
  'journalctl',
  'dmesg',
  'import',
  'xwd',
  'convert',
  'gnome-screenshot',
  'grim',
  'timedatectl',
  'ping',
  'needs-restarting',
  'systemd-detect-virt',
  ...Object.values(LINUX_BROWSER_COMMANDS).flat(),
];

export interface Fakes {
  /** The folder; its unique path is the marker found in every fake process's argv. */
  dir: string;
  bin: string;
  marker: string;
}

/**
 * A fake for each command that never ends: it starts a child, a `setsid` grandchild (a new
 * session: a process-group kill misses it, and it holds the stdout pipe) and then waits forever.
 * Every one of them has the marker in its argv.
 */
export async function hangingFakes(commands: readonly string[] = LINUX_COMMANDS): Promise<Fakes> {
  const dir = await mkdtemp(join(os.tmpdir(), 'diagcollect-fault-'));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  const marker = dir;
  const script = [
    '#!/bin/sh',
    `sh -c 'while :; do sleep 1; done' child-${marker} &`,
    `setsid sh -c 'while :; do sleep 1; done' grandchild-${marker} &`,
    'while :; do sleep 1; done',
    '',
  ].join('\n');
  for (const c of commands) {
    await writeFile(join(bin, c), script);
    await chmod(join(bin, c), 0o755);
  }
  return { dir, bin, marker };
}

/** Pids of live processes whose command line holds `marker` (zombies are dead: not counted). */
export async function processesWith(marker: string): Promise<Array<{ pid: number; cmdline: string }>> {
  const found: Array<{ pid: number; cmdline: string }> = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const [cmdline, stat] = await Promise.all([readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => ''), readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')]);
    const state = stat.split(') ')[1]?.[0];
    if (cmdline.includes(marker) && state !== 'Z' && state !== 'X') found.push({ pid: Number(entry), cmdline: cmdline.replace(/\0/g, ' ').trim() });
  }
  return found;
}

/** Waits until no process holds the marker (killed processes take a moment to be reaped). */
export async function settledProcesses(marker: string, guardMs = 5_000): Promise<Array<{ pid: number; cmdline: string }>> {
  const until = Date.now() + guardMs;
  for (;;) {
    const left = await processesWith(marker);
    if (left.length === 0 || Date.now() > until) return left;
    await sleep(100);
  }
}

/** Cleans up after a test that killed the CLI with -9 (its fakes are orphans then). */
export async function killMarked(marker: string): Promise<void> {
  for (const p of await processesWith(marker)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the CLI's own JavaScript starts running (Node's bootstrap is over). */
  jsStarted: Promise<void>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the real CLI (`node electron/cli/diagcollect.mjs …`) with its own data folder. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): CliRun {
  // A one-line preload tells on fd 3 when JavaScript runs: a signal before that meets Node's
  // bootstrap (default action), which no program can change.
  const preload = 'data:text/javascript,import { writeSync, closeSync } from "node:fs"; try { writeSync(3, "up"); closeSync(3); } catch {}';
  const child = spawn(process.execPath, ['--import', preload, CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const jsStarted = new Promise<void>((resolve) => {
    (child.stdio[3] as NodeJS.ReadableStream).once('data', () => resolve());
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    // 'exit', not 'close': a leftover holding the CLI's stdout must not hide that the CLI ended.
    child.on('exit', (code, signal) => setImmediate(() => resolve({ code, signal, stdout, stderr })));
  });
  return { child, jsStarted, done };
}

/** Polls `check` until it is true (a hang guard, not a speed budget). */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string, guardMs = 45_000): Promise<void> {
  const until = Date.now() + guardMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await sleep(20);
  }
}

/** Files in `dir` (none when it does not exist). */
export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** One entry's text (the others are not inflated: a cut 1 GB log of zeros stays on disk). */
export async function entryText(path: string, wanted: (name: string) => boolean): Promise<string | undefined> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true }, (err, z) => (err || !z ? reject(err) : resolve(z))));
  return new Promise((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!wanted(e.fileName)) return zip.readEntry();
      zip.openReadStream(e, (err, stream) => {
        if (err || !stream) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          zip.close();
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
      });
    });
    zip.on('end', () => resolve(undefined));
    zip.on('error', reject);
    zip.readEntry();
  });
}
