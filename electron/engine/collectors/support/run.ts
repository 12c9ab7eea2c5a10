/**
 * Running a command from a collector: a missing tool becomes a skip with a reason, any other
 * failure a warning; cancellation (the collector's signal) is never swallowed.
 */
import { CommandNotFoundError, type ExecOptions, type ExecResult } from '../../platform/exec.js';
import type { CollectorContext } from '../types.js';

/**
 * A command as a person would type it: arguments with spaces or quotes are quoted, and tabs or
 * newlines inside arguments are shown as \t and \n (for sources, skips and headings).
 */
export function commandLine(command: string, args: string[]): string {
  const show = (a: string) => {
    const escaped = a.replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    return a === '' || /[\s"'$`\\|&;<>(){}*?]/.test(a) ? `'${escaped.replace(/'/g, `'\\''`)}'` : escaped;
  };
  return [command, ...args].map(show).join(' ');
}

/** Runs `command` through `ctx.exec`; undefined when it could not be started (already recorded). */
export async function tryExec(
  ctx: CollectorContext,
  command: string,
  args: string[],
  options: ExecOptions & { source?: string; missing?: string } = {},
): Promise<ExecResult | undefined> {
  const { source = commandLine(command, args), missing, ...execOptions } = options;
  try {
    return await ctx.exec(command, args, execOptions);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    if (err instanceof CommandNotFoundError) {
      // Not there is not a failure: the code says so in every language; `missing` (what its absence
      // means here) stays the English detail in manifest.json.
      ctx.skip(source, { code: 'command-missing', command }, missing);
      return undefined;
    }
    ctx.warn(`${source}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** 1234 ms → "1.2 s"; 20012 → "20 s". */
export function secondsText(ms: number): string {
  return ms < 10_000 ? `${(Math.round(ms / 100) / 10).toString()} s` : `${Math.round(ms / 1000)} s`;
}

/** Why a finished command is unusable, or undefined when it succeeded. */
export function failureOf(result: ExecResult): string | undefined {
  if (result.timedOut) return `timed out after ${secondsText(result.durationMs)} and was killed with its child processes`;
  if (result.code === 0) return undefined;
  const err = result.stderr.trim().split(/\r?\n/).slice(-3).join(' / ');
  const how = result.code === null ? `was killed by ${result.signal ?? 'a signal'}` : `exited with code ${result.code}`;
  return err ? `${how}: ${err}` : how;
}

/**
 * The script PowerShell really runs: output in UTF-8 without a BOM (Windows commands otherwise
 * print in the console's OEM code page, GBK on Chinese Windows, and [Text.Encoding]::UTF8 would
 * put a BOM before the first line, which JSON.parse refuses), and no progress records (written
 * to stderr as CLIXML when the output is not a console).
 */
export function powershellScript(script: string): string {
  return `$ProgressPreference = 'SilentlyContinue'; [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; ${script}`;
}

/**
 * Arguments for `powershell.exe` running `script`. -EncodedCommand (UTF-16LE, base64) passes
 * quotes, `$` and non-ASCII paths through CreateProcess untouched, whatever the script holds.
 */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(powershellScript(script), 'utf16le').toString('base64')];
}

/** How a PowerShell command is shown to people (describe(), sources): the script, readable. */
export function powershellDisplay(script: string): string {
  return `powershell.exe -NoProfile -NonInteractive -Command "${script}"`;
}

/** A command's stdout as UTF-8 text; undefined (with the skip recorded) when it could not be used. */
export async function commandText(ctx: CollectorContext, command: string, args: string[], options: ExecOptions & { source?: string; missing?: string } = {}): Promise<string | undefined> {
  const source = options.source ?? commandLine(command, args);
  const r = await tryExec(ctx, command, args, { timeoutMs: 10_000, maxBytes: 16 * 1024 * 1024, ...options, source });
  if (!r) return undefined;
  const failure = failureOf(r);
  if (failure) {
    ctx.skip(source, failure);
    return undefined;
  }
  return r.stdout.toString('utf8');
}
