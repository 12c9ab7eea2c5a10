/**
 * The `diagcollect` command line: a thin commander definition. Each command's work lives in its
 * own module, imported when that command runs, so starting the CLI loads only commander and what
 * the chosen command needs (the bundle is split per command: see `build:cli` in package.json).
 */
import { Command, CommanderError, Option } from 'commander';
import { ARCHIVE_LANGUAGES, type ArchiveLanguage } from '../../shared/naming.js';
import type { Platform } from '../../shared/types.js';
import { EXIT, InputError } from '../engine/errors.js';
import { TOOL_VERSION } from '../engine/version.js';
import type { ListFlags } from './list-command.js';

export interface CollectFlags {
  ticket?: string;
  since?: string;
  only?: string[];
  skip?: string[];
  screenshot: boolean;
  out?: string;
  policy?: string;
  json?: boolean;
  lang?: ArchiveLanguage;
  upload?: string;
  uploadWait?: string;
  split?: boolean;
  link?: string;
  silent?: boolean;
  dryRun?: boolean;
  acceptLeaks?: boolean;
  excludeItem?: string[];
}

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Ctrl-C / SIGTERM: the CLI installs handlers on this emitter (process in real use). */
  signals: Pick<NodeJS.Process, 'on' | 'off'>;
}

/** Platforms for `list --platform` (the values of shared/types' PlatformSchema, without loading zod). */
const PLATFORMS: Platform[] = ['linux', 'win32', 'darwin'];

type Register = (program: Command, io: CliIo, setExitCode: (code: number) => void) => Promise<void>;

/** Commands whose module defines both options and action, loaded by name. */
const SELF_REGISTERING: Record<string, Register> = {
  outbox: async (...args) => (await import('./outbox-command.js')).registerOutboxCommand(...args),
  check: async (...args) => (await import('./check-command.js')).registerCheckCommand(...args),
  policy: async (...args) => (await import('./policy-command.js')).registerPolicyCommand(...args),
  link: async (...args) => (await import('./link-command.js')).registerLinkCommand(...args),
  redact: async (...args) => (await import('./redact-command.js')).registerRedactCommand(...args),
};

/** The command being run: the first argument that is not an option (the CLI has no global option taking a value). */
function commandName(args: string[]): string | undefined {
  return args.find((a) => !a.startsWith('-'));
}

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** Runs the CLI; resolves with the exit code (see EXIT and the README). */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process }): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('diagcollect')
    .description('Collects diagnostics (logs, system and network settings, versions, a screenshot) into a named archive for a support ticket.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run diagcollect --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  program
    .command('collect')
    .description('collect a diagnostics archive for a ticket into the local outbox (or --out DIR)')
    .option('-t, --ticket <id>', 'ticket id, e.g. 12345 or SUP-12345 (or give --link)')
    .option('--link <url>', 'a signed diagcollect:// link from support: collect for its ticket (and upload where it says, if policy allows)')
    .option('--silent', 'for IT scripts: no progress or summary (errors still on stderr); a log in <data dir>/logs/diagcollect.log')
    .option('--since <duration>', 'how far back logs go: 90m, 24h, 7d (default: policy, 24h)')
    .option('--only <ids>', 'run only these collectors (comma-separated; see `diagcollect list`)', list)
    .option('--skip <ids>', 'leave out these collectors (comma-separated)', list)
    .option('--no-screenshot', 'do not take a screenshot of the desktop')
    .option('-o, --out <dir>', 'write the archive and e-mail draft here instead of the outbox')
    .option('--policy <file>', 'JSON policy: log and config paths, caps, deadline (see README)')
    .option('--json', 'print one JSON result on stdout, nothing else')
    .addOption(new Option('--lang <lang>', 'language of archive and entry names').choices(ARCHIVE_LANGUAGES as string[]))
    .option('--upload <target>', 'after collecting, upload to: outbox (keep it local), redmine, rt, smtp, http-put, jira, zendesk, servicenow, freshdesk (default: policy upload.target)')
    .option('--upload-wait <seconds>', 'keep retrying a failing upload this long before leaving it queued in the outbox', '60')
    .option('--split', "when the archive is too big for the upload target, upload it as parts (<name>_part01.zip, …)")
    .option('--dry-run', 'show what the archive would hold (items, sizes after redaction, redaction samples) and write nothing')
    .option('--accept-leaks', 'upload even when the leak check finds values that redaction hid elsewhere in the archive')
    .option('--exclude-item <names>', 'leave out these archive entries by name (comma-separated; see --dry-run)', list)
    .action(async (flags: CollectFlags) => {
      const { collect } = await import('./collect-command.js');
      exitCode = await collect(flags, io);
    });

  program
    .command('list')
    .description('list the collectors and what each would read')
    .addOption(new Option('--platform <platform>', 'show what is collected on another platform').choices(PLATFORMS))
    .option('--policy <file>', 'JSON policy (adds its log and config paths)')
    .option('--json', 'print JSON')
    .action(async (flags: ListFlags) => {
      const { listCollectors } = await import('./list-command.js');
      await listCollectors(flags, io);
    });

  // The other commands register themselves (options and action) from their own modules: only
  // the one being run is loaded, so `--version` or `list` never pay for upload, archive or
  // redaction code. `--help`, `help` or an unknown command load them all (help lists every command).
  const setExitCode = (code: number) => (exitCode = code);
  const named = commandName(argv.slice(2));
  const known = named !== undefined && program.commands.some((c) => c.name() === named);
  const versionOnly = named === undefined && argv.slice(2).some((a) => a === '-V' || a === '--version');
  for (const [name, register] of Object.entries(SELF_REGISTERING)) {
    const wanted = named === name || (!versionOnly && !known && !(named !== undefined && named in SELF_REGISTERING));
    if (wanted) await register(program, io, setExitCode);
  }

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (err instanceof InputError) {
      io.stderr.write(`diagcollect: ${err.message}\n`);
      return EXIT.badInput;
    }
    io.stderr.write(`diagcollect: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failure;
  }
  return exitCode;
}

