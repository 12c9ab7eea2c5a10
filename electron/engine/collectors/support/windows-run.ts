/**
 * Running Windows console tools and reading what they print: their output is in the console's
 * code page (asked once with `chcp`), or UTF-16, or UTF-8 from PowerShell — see
 * platform/windows-output.ts for how the bytes become text.
 */
import type { ExecOptions, ExecResult } from '../../platform/exec.js';
import { decodeWindowsOutput, parseChcp } from '../../platform/windows-output.js';
import type { CollectorContext } from '../types.js';
import { failureOf, tryExec } from './run.js';

type Exec = (command: string, args: string[], options?: ExecOptions) => Promise<ExecResult>;

/** `chcp` through cmd; /d skips AutoRun commands a user or IT may have set for cmd. */
export const CHCP: { command: string; args: string[] } = { command: 'cmd', args: ['/d', '/c', 'chcp'] };

let codePage: Promise<number | undefined> | undefined;

/**
 * The console code page the tools we start print in (936 on Chinese Windows, 437 or 850 on
 * Western ones, 65001 when the user switched the console to UTF-8). Asked once per process;
 * undefined when it cannot be told (then the output's bytes decide).
 */
export function consoleCodePage(exec: Exec): Promise<number | undefined> {
  codePage ??= exec(CHCP.command, CHCP.args, { timeoutMs: 5_000, maxBytes: 4096 }).then(
    (r) => (r.code === 0 ? parseChcp(decodeWindowsOutput(r.stdout)) : undefined),
    () => {
      // Not remembered: the next collector asks again (this one may have been cancelled).
      codePage = undefined;
      return undefined;
    },
  );
  return codePage;
}

/** Tests replace the stand-in `cmd` between runs. */
export function forgetConsoleCodePage(): void {
  codePage = undefined;
}

export interface WindowsTextOptions extends ExecOptions {
  source?: string;
  missing?: string;
  /** PowerShell run through powershellArgs(): UTF-8 whatever the console says. */
  utf8?: boolean;
  /** Exit codes that are answers, not failures (reg query: 1 = no such key). */
  okCodes?: number[];
}

export interface WindowsText {
  text: string;
  code: number | null;
  truncated: boolean;
  /** stderr, decoded like stdout. */
  stderr: string;
}

/** Runs a Windows tool and decodes its output; undefined (with a skip or warning recorded) when unusable. */
export async function windowsText(ctx: CollectorContext, command: string, args: string[], options: WindowsTextOptions = {}): Promise<WindowsText | undefined> {
  const { source = windowsCommandLine(command, args), missing, utf8, okCodes = [], ...execOptions } = options;
  const [cp, r] = await Promise.all([utf8 ? Promise.resolve(65001) : consoleCodePage(ctx.exec), tryExec(ctx, command, args, { ...execOptions, source, missing })]);
  if (!r) return undefined;
  const stderr = r.stderrBytes ? decodeWindowsOutput(r.stderrBytes, cp) : r.stderr;
  const failure = r.code !== null && okCodes.includes(r.code) && !r.timedOut ? undefined : failureOf({ ...r, stderr });
  if (failure) {
    ctx.skip(source, failure);
    return undefined;
  }
  return { text: decodeWindowsOutput(r.stdout, cp), code: r.code, truncated: r.truncated, stderr };
}

/** Lines of decoded tool output, without the `\r` of CRLF (wmic prints `\r\r\n`). */
export function outputLines(text: string): string[] {
  return text.split(/\r*\n/);
}

/** A command as typed at a Windows prompt: arguments with spaces, `<`, `>`, `&` or `|` in double quotes. */
export function windowsCommandLine(command: string, args: string[]): string {
  const show = (a: string) => (a === '' || /[\s"<>&|^]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a);
  return [command, ...args].map(show).join(' ');
}
