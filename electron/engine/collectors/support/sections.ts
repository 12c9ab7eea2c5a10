/**
 * A text entry made of command outputs, one section each (`## title`, the command, its output):
 * what the triage collectors write (firewall, path, Wi-Fi, startup items …). A command that is
 * missing or fails is a skip with its reason, never a section pretending to be empty; the
 * sections that did run are kept even when others did not.
 */
import { decodeWindowsOutput } from '../../platform/windows-output.js';
import type { CollectorContext } from '../types.js';
import type { Reason } from '../../../../shared/reasons.js';
import { commandLine, failureOf, tryExec } from './run.js';
import { heading } from './text.js';
import { consoleCodePage, windowsCommandLine } from './windows-run.js';

export interface SectionCommand {
  title: string;
  command: string;
  args: string[];
  timeoutMs?: number;
  /** A Windows console tool: decode its code page. */
  windows?: boolean;
  /** Exit codes that still carry an answer (grep-like tools). */
  okCodes?: number[];
  /** The output says there is nothing to read here (e.g. "no wireless interface"): the reason. */
  nothing?: (text: string) => string | Reason | undefined;
  maxBytes?: number;
  /** How to show the command (PowerShell's -EncodedCommand is unreadable). */
  display?: string;
}

export interface Section {
  title: string;
  source: string;
  text: string;
}

/** Runs one section's command; undefined (with the skip recorded) when it gave nothing usable. */
export async function runSection(ctx: CollectorContext, s: SectionCommand): Promise<Section | undefined> {
  const source = s.display ?? (s.windows ? windowsCommandLine(s.command, s.args) : commandLine(s.command, s.args));
  const [r, cp] = await Promise.all([
    tryExec(ctx, s.command, s.args, { timeoutMs: s.timeoutMs ?? 10_000, maxBytes: s.maxBytes ?? 4 * 1024 * 1024, keep: 'head', source }),
    s.windows ? consoleCodePage(ctx.exec) : Promise.resolve(undefined),
  ]);
  if (!r) return undefined;
  const decode = (b: Buffer) => (s.windows ? decodeWindowsOutput(b, cp) : b.toString('utf8'));
  const text = decode(r.stdout);
  const stderr = r.stderrBytes ? decode(r.stderrBytes) : r.stderr;
  const failed = r.code !== null && s.okCodes?.includes(r.code) && !r.timedOut ? undefined : failureOf({ ...r, stderr });
  const nothing = s.nothing?.(`${text}\n${stderr}`);
  if (failed || nothing) {
    ctx.skip(source, nothing ?? failed!);
    return undefined;
  }
  return { title: s.title, source, text };
}

/** Runs the commands at once and keeps, in order, the sections that answered. */
export async function runSections(ctx: CollectorContext, commands: readonly SectionCommand[]): Promise<Section[]> {
  const done = await Promise.all(commands.map((c) => runSection(ctx, c)));
  return done.filter((s): s is Section => s !== undefined);
}

/** The sections as one document: a heading, the command, the output. */
export function formatSections(sections: readonly Section[]): string {
  return sections.map((s) => `${heading(s.title, 2)}$ ${s.source}\n${s.text.replace(/\r\n/g, '\n').replace(/\s+$/, '')}\n`).join('\n');
}
