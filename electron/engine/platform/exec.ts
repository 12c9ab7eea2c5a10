import { spawn } from 'node:child_process';

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

/** Kills a process and everything it started (its process group on POSIX, /T on Windows). */
export function killTree(pid: number): void {
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    } else {
      process.kill(-pid, 'SIGKILL');
    }
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/**
 * Runs a command without a shell. Never rejects for a non-zero exit: the caller decides.
 * Rejects with CommandNotFoundError when the binary does not exist, and with an AbortError
 * when the signal fires (after the whole tree is killed).
 */
export function exec(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  const { timeoutMs, signal, maxBytes = 32 * 1024 * 1024, keep = 'tail' } = options;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      return;
    }
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
      env: options.env ?? { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
      cwd: options.cwd,
    });
    const chunks: Buffer[] = [];
    let held = 0;
    let truncated = false;
    const stderrChunks: Buffer[] = [];
    let stderrHeld = 0;
    let timedOut = false;
    let aborted = false;
    let settled = false;

    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      held += chunk.length;
      if (held > maxBytes) {
        truncated = true;
        if (keep === 'head') {
          const all = Buffer.concat(chunks).subarray(0, maxBytes);
          chunks.length = 0;
          chunks.push(all);
          held = all.length;
          child.stdout.destroy();
          killTree(child.pid!);
        } else {
          // Drop whole chunks from the front while the rest still covers maxBytes.
          while (chunks.length > 1 && held - chunks[0]!.length >= maxBytes) held -= chunks.shift()!.length;
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrHeld < STDERR_CAP) {
        stderrChunks.push(chunk);
        stderrHeld += chunk.length;
      }
    });

    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          killTree(child.pid!);
        }, timeoutMs)
      : undefined;
    const onAbort = () => {
      aborted = true;
      if (child.pid) killTree(child.pid);
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      finish();
      reject(err.code === 'ENOENT' ? new CommandNotFoundError(command) : err);
    });
    child.on('close', (code, sig) => {
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
      // Decoded once at the end, so a character split across two chunks stays whole.
      const stderrBytes = Buffer.concat(stderrChunks).subarray(0, STDERR_CAP);
      resolve({
        command: [command, ...args].join(' '),
        code,
        signal: sig,
        stdout,
        stderr: stderrBytes.toString('utf8'),
        stderrBytes,
        truncated,
        timedOut,
        durationMs: performance.now() - started,
      });
    });
  });
}
