import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_POLICY } from '../../shared/policy.js';
import { PlatformSchema, type Platform } from '../../shared/types.js';
import { COLLECTORS } from '../engine/collectors/index.js';
import { EXIT, InputError } from '../engine/errors.js';
import { loadPolicyFile } from '../engine/policy/load.js';
import { TOOL_VERSION } from '../engine/version.js';
import { registerCheckCommand } from './check-command.js';
import { registerLinkCommand } from './link-command.js';
import { registerPolicyCommand } from './policy-command.js';
import { registerRedactCommand } from './redact-command.js';
import { registerOutboxCommand } from './outbox-command.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Ctrl-C / SIGTERM: the CLI installs handlers on this emitter (process in real use). */
  signals: Pick<NodeJS.Process, 'on' | 'off'>;
}

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

  const { registerCollectCommand } = await import('./collect-command.js');
  registerCollectCommand(program, io, (code) => (exitCode = code));

  program
    .command('list')
    .description('list the collectors and what each would read')
    .addOption(new Option('--platform <platform>', 'show what is collected on another platform').choices(PlatformSchema.options))
    .option('--policy <file>', 'JSON policy (adds its log and config paths)')
    .option('--json', 'print JSON')
    .action(async (flags: { platform?: Platform; policy?: string; json?: boolean }) => {
      const policy = flags.policy ? await loadPolicyFile(flags.policy) : DEFAULT_POLICY;
      const platform = flags.platform ?? (process.platform as Platform);
      const rows = COLLECTORS.map((c) => ({
        id: c.id,
        category: c.category,
        title: c.title,
        platforms: c.platforms,
        timeoutMs: c.timeoutMs,
        sensitive: c.sensitive,
        reads: c.platforms.includes(platform) ? c.describe(platform, policy) : [],
      }));
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({ platform, collectors: rows }, null, 2)}\n`);
        return;
      }
      io.stdout.write(`Collectors on ${platform}:\n\n`);
      for (const r of rows) {
        const flag = r.sensitive ? ' (sensitive: screenshot, opt-out with --no-screenshot)' : '';
        io.stdout.write(`${r.id.padEnd(12)} ${r.title.en} / ${r.title['zh-CN']}${flag}\n`);
        if (r.reads.length === 0) io.stdout.write(`${' '.repeat(13)}not available on ${platform}\n`);
        for (const read of r.reads) io.stdout.write(`${' '.repeat(13)}- ${read}\n`);
      }
    });

  registerOutboxCommand(program, io, (code) => (exitCode = code));

  registerCheckCommand(program, io, (code) => (exitCode = code));

  registerPolicyCommand(program, io, (code) => (exitCode = code));

  registerLinkCommand(program, io, (code) => (exitCode = code));

  registerRedactCommand(program, io, (code) => (exitCode = code));

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
