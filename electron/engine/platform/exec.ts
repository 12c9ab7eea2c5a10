import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { surelyNotOnPath } from './on-path.js';

export interface ExecOptions {
  /** Kill the command's whole process tree after this long. */
  timeoutMs?: number;
  /** Abort (cancel or collector timeout) kills the whole process tree. */
  signal?: AbortSignal;
  /** Cap on captured stdout; beyond it the newest (`tail`) or oldest (`head`) bytes are kept. */
  maxBytes?: number;
  keep?: 'head' | 'tail';
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface ExecResult {
  command: string;
  /** null when killed by a signal */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** stderr's bytes (capped like `stderr`), for tools that do not print UTF-8 (Windows code pages). */
  stderrBytes?: Buffer;
  /** stdout was cut to maxBytes */
  truncated: boolean;
  timedOut: boolean;
  durationMs: number;
}

export class CommandNotFoundError extends Error {
  constructor(readonly command: string) {
    super(`command not found: ${command}`);
    this.name = 'CommandNotFoundError';
  }
}

const STDERR_CAP = 64 * 1024;

/**
 * Every command we start carries this variable, `<our pid>.<n>.<random>`, and its descendants
 * inherit it. A descendant that left the command's process group (`setsid`, a daemonizing tool)
 * escapes a group kill; on Linux we find it by this mark in /proc/<pid>/environ and kill it too,
 * so nothing we started outlives a timeout, a cancel or the CLI.
 */
export const EXEC_MARK_VARIABLE = 'DIAGCOLLECT_EXEC_ID';
const RUN_PREFIX = `${process.pid}.${randomBytes(4).toString('hex')}.`;
let serial = 0;

/** After the command itself exited, how long its pipes may stay open (held by a descendant). */
const PIPE_GRACE_MS = 300;
/** After a kill, how long we wait for the pipes to close before we stop reading them. */
const KILL_GRACE_MS = 1_500;

/** Commands still running, so the CLI can kill them all before it exits. */
const running = new Map<ChildProcess, () => void>();
/** Sweeps for escaped descendants in progress. */
const sweeps = new Set<Promise<void>>();

/** One step of a tree kill: a signal to a pid (negative: a process group) or a command to run. */
export type KillStep = { signal: 'SIGKILL'; pid: number } | { command: string; args: string[] };

/**
 * How a command's whole tree is killed. POSIX: exec starts every command `detached`, i.e. as the
 * leader of its own process group, so SIGKILL to the negative pid reaches it and everything it
 * started that stayed in the group (on macOS, without /proc, that is all we can reach; on Linux
 * the mark sweep finds those that left it); the pid alone if the group is gone. Windows:
 * `taskkill /T /F` ends the process and its child processes, by the parent links Windows keeps.
 */
export function killTreePlan(pid: number, platform: NodeJS.Platform = process.platform): { steps: KillStep[]; fallback?: KillStep } {
  if (platform === 'win32') return { steps: [{ command: 'taskkill', args: ['/pid', String(pid), '/T', '/F'] }] };
  return { steps: [{ signal: 'SIGKILL', pid: -pid }], fallback: { signal: 'SIGKILL', pid } };
}

/** Whether exec starts commands as the leaders of their own process groups (see killTreePlan). */
export const spawnsDetached = (platform: NodeJS.Platform = process.platform): boolean => platform !== 'win32';

function runKillStep(step: KillStep): void {
  if ('command' in step) spawn(step.command, step.args, { stdio: 'ignore', windowsHide: true }).on('error', () => undefined);
  else process.kill(step.pid, step.signal);
}

/** Kills a process and everything it started (its process group on POSIX, /T on Windows). */
export function killTree(pid: number): void {
  const plan = killTreePlan(pid);
  try {
    for (const step of plan.steps) runKillStep(step);
  } catch {
    try {
      if (plan.fallback) runKillStep(plan.fallback);
    } catch {
      /* already gone */
    }
  }
}

/** For each needle (`VAR=value…`), the pids (other than ours) whose environment holds it; Linux only. */
async function pidsMarkedWith(needles: readonly string[]): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>(needles.map((n) => [n, []]));
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return found;
  }
  const wanted = needles.map((n) => [n, Buffer.from(n, 'utf8')] as const);
  const pids = entries.filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid);
  // A few reads at a time: a busy machine has thousands of processes, and descriptors are finite.
  for (let i = 0; i < pids.length; i += 64) {
    await Promise.all(
      pids.slice(i, i + 64).map(async (pid) => {
        const environ = await readFile(`/proc/${pid}/environ`).catch(() => undefined);
        if (!environ || environ.length === 0) return;
        for (const [needle, bytes] of wanted) {
          for (let at = environ.indexOf(bytes); at >= 0; at = environ.indexOf(bytes, at + 1)) {
            if (at === 0 || environ[at - 1] === 0) {
              found.get(needle)!.push(Number(pid));
              break;
            }
          }
        }
      }),
    );
  }
  return found;
}

/** Marks whose processes are to die, with the scans each still gets. */
const doomed = new Map<string, number>();
let scanning: Promise<void> | undefined;

/**
 * Kills every process carrying the mark (and the group each one leads), a few passes so that
 * children started between a scan and the kill are caught too. One scan of /proc serves every
 * mark asked for meanwhile (a cancel kills many commands at once). Resolves when none is left.
 */
function sweepMarked(needle: string): Promise<void> {
  if (process.platform !== 'linux') return Promise.resolve();
  doomed.set(needle, 4);
  scanning ??= (async () => {
    for (;;) {
      // Checked and cleared in one tick: a mark added after this starts a new scan.
      if (doomed.size === 0) {
        scanning = undefined;
        return;
      }
      const found = await pidsMarkedWith([...doomed.keys()]);
      for (const [mark, pids] of found) {
        const left = (doomed.get(mark) ?? 1) - 1;
        if (pids.length === 0 || left <= 0) doomed.delete(mark);
        else doomed.set(mark, left);
        for (const pid of pids) {
          for (const target of [-pid, pid]) {
            try {
              process.kill(target, 'SIGKILL');
            } catch {
              /* not a group leader, or gone */
            }
          }
        }
      }
      if (doomed.size > 0) await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const sweep = scanning;
  sweeps.add(sweep);
  void sweep.finally(() => sweeps.delete(sweep));
  return sweep;
}

/**
 * Kills every command still running and every process any of our commands left behind (by the
 * mark), and waits for the sweeps in progress. The CLI calls it before it exits, so neither a
 * hung command nor an escaped grandchild outlives diagcollect or keeps it alive.
 */
export async function reapChildren(): Promise<void> {
  for (const stop of [...lookingUp]) stop();
  for (const kill of [...running.values()]) kill();
  await Promise.allSettled([...sweeps]);
  await sweepMarked(`${EXEC_MARK_VARIABLE}=${RUN_PREFIX}`);
}

/**
 * Kills what a diagcollect that died without cleaning up (kill -9, a crash) left running: every
 * process whose mark names a diagcollect process that no longer exists. Linux only (/proc).
 * Returns how many were killed.
 */
export async function reapOrphans(): Promise<number> {
  if (process.platform !== 'linux') return 0;
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return 0;
  }
  const key = Buffer.from(`${EXEC_MARK_VARIABLE}=`, 'utf8');
  const owners = new Map<number, boolean>();
  const ownerAlive = (pid: number) => {
    if (!owners.has(pid)) {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === 'EPERM';
      }
      owners.set(pid, alive);
    }
    return owners.get(pid)!;
  };
  let killed = 0;
  const pids = entries.filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid);
  for (let i = 0; i < pids.length; i += 64) {
    await Promise.all(
      pids.slice(i, i + 64).map(async (pid) => {
        const environ = await readFile(`/proc/${pid}/environ`).catch(() => undefined);
        if (!environ) return;
        for (let at = environ.indexOf(key); at >= 0; at = environ.indexOf(key, at + 1)) {
          if (at !== 0 && environ[at - 1] !== 0) continue;
          const end = environ.indexOf(0, at);
          const owner = Number(environ.subarray(at + key.length, end < 0 ? undefined : end).toString('utf8').split('.')[0]);
          if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && !ownerAlive(owner)) {
            for (const target of [-Number(pid), Number(pid)]) {
              try {
                process.kill(target, 'SIGKILL');
              } catch {
                /* not a group leader, or gone */
              }
            }
            killed += 1;
          }
          return;
        }
      }),
    );
  }
  return killed;
}

/** Commands started by exec() that have not exited yet (for tests and diagnostics). */
export function runningCommands(): number {
  return running.size;
}

/**
 * Runs a command without a shell. Never rejects for a non-zero exit: the caller decides.
 * Rejects with CommandNotFoundError when the binary does not exist, and with an AbortError
 * when the signal fires (after the whole tree is killed).
 *
 * Never waits on a pipe forever: a descendant that escaped the process group and still holds
 * stdout (a `setsid` grandchild) is killed by its mark; if the pipe stays open even so, we stop
 * reading it and settle with what was read.
 */
export function exec(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  const started = performance.now();
  if (options.signal?.aborted) return Promise.reject(options.signal.reason ?? new DOMException('aborted', 'AbortError'));
  // A tool that is not there is known without forking this process to try (see surelyNotOnPath).
  // One found once is started at once after: the system still decides, as without the lookup.
  const env = options.env ?? process.env;
  const key = `${options.cwd ?? process.cwd()}\0${env.PATH ?? ''}\0${command}`;
  if (mayBeOnPath.has(key)) return start(command, args, options, started);
  // A reap while the lookup is in flight (a second Ctrl-C) must stop this command too: it is not started after it.
  let reaped = false;
  const stop = () => {
    reaped = true;
  };
  lookingUp.add(stop);
  return surelyNotOnPath(command, env, options.cwd)
    .finally(() => lookingUp.delete(stop))
    .then((missing): Promise<ExecResult> | ExecResult => {
      if (missing) throw new CommandNotFoundError(command);
      mayBeOnPath.add(key);
      if (!reaped) return start(command, args, options, started);
      return killedResult(command, args, started);
    });
}

/** How a command ended, as start() reads it: the rest of its ExecResult follows from these. */
interface Ending {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  /** Capped at STDERR_CAP; decoded once here, so a character split across two chunks stays whole. */
  stderrBytes: Buffer;
  truncated: boolean;
  timedOut: boolean;
}

/** The ExecResult of a command that ended as `ending` says, `started` being when exec() was called. */
function settledResult(command: string, args: string[], started: number, ending: Ending): ExecResult {
  const { code, signal, stdout, stderrBytes, truncated, timedOut } = ending;
  return { command: [command, ...args].join(' '), code, signal, stdout, stderr: stderrBytes.toString('utf8'), stderrBytes, truncated, timedOut, durationMs: performance.now() - started };
}

/** A command a reap stopped before it started reports itself as one the reap killed: no exit code, nothing read. */
function killedResult(command: string, args: string[], started: number): ExecResult {
  return settledResult(command, args, started, { code: null, signal: 'SIGKILL', stdout: Buffer.alloc(0), stderrBytes: Buffer.alloc(0), truncated: false, timedOut: false });
}

/** exec() calls still looking their command up (not started yet): reapChildren stops them from starting. */
const lookingUp = new Set<() => void>();

/** Commands (with the PATH and folder they were looked up in) that surelyNotOnPath did not rule out. */
const mayBeOnPath = new Set<string>();

function start(command: string, args: string[], options: ExecOptions, started: number): Promise<ExecResult> {
  const { timeoutMs, signal, maxBytes = 32 * 1024 * 1024, keep = 'tail' } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      return;
    }
    const mark = `${RUN_PREFIX}${(serial += 1)}`;
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: spawnsDetached(),
      windowsHide: true,
      env: { ...(options.env ?? { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }), [EXEC_MARK_VARIABLE]: mark },
      cwd: options.cwd,
    });
    const chunks: Buffer[] = [];
    let held = 0;
    let truncated = false;
    const stderrChunks: Buffer[] = [];
    let stderrHeld = 0;
    let timedOut = false;
    let aborted = false;
    let killed = false;
    let settled = false;
    let exited: { code: number | null; sig: NodeJS.Signals | null } | undefined;
    let graceTimer: NodeJS.Timeout | undefined;

    /** Kills the process group and, by the mark, whatever escaped it. */
    const terminate = () => {
      if (killed) return;
      killed = true;
      if (child.pid) killTree(child.pid);
      void sweepMarked(`${EXEC_MARK_VARIABLE}=${mark}\0`);
      // The kill closes the pipes within milliseconds; if a holder survived, stop waiting.
      if (exited) armGrace(KILL_GRACE_MS);
    };
    if (child.pid) running.set(child, terminate);

    child.stdout!.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      held += chunk.length;
      if (held > maxBytes) {
        truncated = true;
        if (keep === 'head') {
          const all = Buffer.concat(chunks).subarray(0, maxBytes);
          chunks.length = 0;
          chunks.push(all);
          held = all.length;
          child.stdout!.destroy();
          terminate();
        } else {
          // Drop whole chunks from the front while the rest still covers maxBytes.
          while (chunks.length > 1 && held - chunks[0]!.length >= maxBytes) held -= chunks.shift()!.length;
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderrHeld < STDERR_CAP) {
        stderrChunks.push(chunk);
        stderrHeld += chunk.length;
      }
    });

    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          terminate();
        }, timeoutMs)
      : undefined;
    const onAbort = () => {
      aborted = true;
      terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const finish = () => {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      running.delete(child);
      signal?.removeEventListener('abort', onAbort);
    };
    const settle = (code: number | null, sig: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      finish();
      if (aborted) {
        reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
        return;
      }
      let stdout = Buffer.concat(chunks);
      if (stdout.length > maxBytes) {
        // Keep the newest bytes, starting at a line boundary.
        stdout = stdout.subarray(stdout.length - maxBytes);
        const nl = stdout.indexOf(10);
        if (nl >= 0 && nl < stdout.length - 1) stdout = stdout.subarray(nl + 1);
      }
      const stderrBytes = Buffer.concat(stderrChunks).subarray(0, STDERR_CAP);
      resolve(settledResult(command, args, started, { code, signal: sig, stdout, stderrBytes, truncated, timedOut }));
    };
    /** The command exited but its pipes stay open: after `ms`, kill the holders and stop reading. */
    const armGrace = (ms: number) => {
      clearTimeout(graceTimer);
      graceTimer = setTimeout(() => {
        if (settled || !exited) return;
        if (!killed) {
          // Left behind by a command that finished: an escaped descendant holding our pipe.
          killed = true;
          void sweepMarked(`${EXEC_MARK_VARIABLE}=${mark}\0`);
          armGrace(KILL_GRACE_MS);
          return;
        }
        // After the poll phase of this loop turn: if the loop was blocked, what the command wrote
        // before it exited (and the end of the pipe) is read first, so no output is lost.
        setImmediate(() => {
          if (settled || !exited) return;
          child.stdout?.destroy();
          child.stderr?.destroy();
          settle(exited.code, exited.sig);
        });
      }, ms);
    };

    child.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      finish();
      reject(err.code === 'ENOENT' ? new CommandNotFoundError(command) : err);
    });
    child.on('exit', (code, sig) => {
      exited = { code, sig };
      running.delete(child);
      armGrace(killed ? KILL_GRACE_MS : PIPE_GRACE_MS);
    });
    child.on('close', (code, sig) => settle(code, sig));
  });
}
