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
      ctx.skip(source, missing ?? `${command} is not installed on this computer (command not found)`);
      return undefined;
    }
    ctx.warn(`${source}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Why a finished command is unusable, or undefined when it succeeded. */
export function failureOf(result: ExecResult): string | undefined {
  if (result.timedOut) return `timed out after ${Math.round(result.durationMs)} ms`;
  if (result.code === 0) return undefined;
  const err = result.stderr.trim().split(/\r?\n/).slice(-3).join(' / ');
  const how = result.code === null ? `was killed by ${result.signal ?? 'a signal'}` : `exited with code ${result.code}`;
  return err ? `${how}: ${err}` : how;
}

/**
 * Arguments for `powershell.exe` running `script` with UTF-8 output: Windows commands otherwise
 * print in the console's OEM code page (GBK on Chinese Windows), which would arrive garbled.
 */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', `[Console]::OutputEncoding = [Text.Encoding]::UTF8; ${script}`];
}
