/**
 * The `diagcollect` command line: a thin commander definition. Each command's work lives in its
 * own module, imported when that command runs, so starting the CLI loads only commander and what
 * the chosen command needs (the bundle is split per command: see `build:cli` in package.json).
 */
import type { Command } from 'commander';
import type { ArchiveLanguage } from '../../shared/naming.js';
import type { Platform } from '../../shared/types.js';
import { EXIT, InputError } from '../engine/errors.js';
import { TOOL_VERSION } from '../engine/version.js';
import type { WorkerStartedAhead } from '../engine/redact/redact-offload.js';
import type { ListFlags } from './list-command.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Ctrl-C / SIGTERM: the CLI installs handlers on this emitter (process in real use). */
  signals: Pick<NodeJS.Process, 'on' | 'off'>;
  /** The output's language; main sets it from --lang or the user's locale (cli-i18n.ts). */
  locale?: ArchiveLanguage;
  /**
   * sos25 (session 23): the redaction worker the launcher started ahead for `collect`, before the
   * engine was loaded (diagcollect.mjs); collect hands it to the session, or stops it.
   */
  redactWorkerAhead?: WorkerStartedAhead;
}

/** Platforms for `list --platform` (the values of shared/types' PlatformSchema, without loading zod). */
const PLATFORMS: Platform[] = ['linux', 'win32', 'darwin'];

type Register = (program: Command, io: CliIo, setExitCode: (code: number) => void) => Promise<void>;

/** Commands whose module defines both options and action, loaded by name. */
const SELF_REGISTERING: Record<string, Register> = {
  collect: async (...args) => (await import('./collect-command.js')).registerCollectCommand(...args),
  outbox: async (...args) => (await import('./outbox-command.js')).registerOutboxCommand(...args),
  check: async (...args) => (await import('./check-command.js')).registerCheckCommand(...args),
  policy: async (...args) => (await import('./policy-command.js')).registerPolicyCommand(...args),
  link: async (...args) => (await import('./link-command.js')).registerLinkCommand(...args),
  redact: async (...args) => (await import('./redact-command.js')).registerRedactCommand(...args),
  compare: async (...args) => (await import('./compare-command.js')).registerCompareCommand(...args),
  baseline: async (...args) => (await import('./baseline-command.js')).registerBaselineCommand(...args),
  record: async (...args) => (await import('./record-command.js')).registerRecordCommand(...args),
};

/** The command being run: the first argument that is not an option (the CLI has no global option taking a value). */
function commandName(args: string[]): string | undefined {
  return args.find((a) => !a.startsWith('-'));
}

/** Runs the CLI; resolves with the exit code (see EXIT and the README). */
export async function main(argv: string[], ioIn: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process }): Promise<number> {
  let exitCode: number = EXIT.ok;
  // `--version` alone needs no words: answer before loading commander and the message catalogue.
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '-V' || args[0] === '--version')) {
    ioIn.stdout.write(`${TOOL_VERSION}\n`);
    return exitCode;
  }
  const [{ Command: Program, CommanderError, Option }, { cliLocale, cliTranslator, inputErrorText, langOption, localiseHelp }] = await Promise.all([import('commander'), import('./cli-i18n.js')]);
  // The user's language, decided before parsing so that --help speaks it too.
  const io: CliIo = { ...ioIn, locale: ioIn.locale ?? cliLocale(argv.slice(2), ioIn.env) };
  const tr = cliTranslator(io);
  const program = new Program('diagcollect')
    .description(tr.t('cli.help.program'))
    .version(TOOL_VERSION, '-V, --version', tr.t('cli.help.version'))
    .helpOption('-h, --help', tr.t('cli.help.help'))
    .showHelpAfterError(tr.t('cli.help.afterError'))
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  localiseHelp(program, tr);

  program
    .command('list')
    .description(tr.t('cli.help.list'))
    .addOption(new Option('--platform <platform>', tr.t('cli.help.list.platform')).choices(PLATFORMS))
    .option('--policy <file>', tr.t('cli.help.list.policy'))
    .option('--json', tr.t('cli.help.json'))
    .addOption(langOption(tr))
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
      io.stderr.write(`diagcollect: ${inputErrorText(cliTranslator(io), err)}\n`);
      return EXIT.badInput;
    }
    io.stderr.write(`diagcollect: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failure;
  }
  return exitCode;
}

