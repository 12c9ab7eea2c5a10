/**
 * `diagcollect outbox list | retry [id] | remove <id>`: the upload jobs waiting in the outbox.
 * Registered from main.ts; the exit code goes back through `setExitCode`.
 */
import type { Command } from 'commander';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy.js';
import { EXIT, InputError } from '../engine/errors.js';
import { dataDir } from '../engine/platform/app-paths.js';
import { loadPolicyFile } from '../engine/policy/load.js';
import { createConnector } from '../engine/upload/index.js';
import { JobBusyError, Outbox, UnknownJobError, type UploadJob } from '../engine/upload/outbox.js';
import type { UploadConnector } from '../engine/upload/types.js';
import { UploadError } from '../engine/upload/upload-error.js';
import { describeOutcome, jobReason, uploadJson } from './upload-step.js';
import { cliTranslator, langOption } from './cli-i18n.js';
import { formatDateTime, formatSize } from '../../shared/i18n/format.js';
import type { Translator } from '../../shared/i18n/translate.js';
import type { ArchiveLanguage } from '../../shared/naming.js';
import { createUploadProgress } from './upload-progress.js';

export interface OutboxIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  signals: Pick<NodeJS.Process, 'on' | 'off'>;
  locale?: ArchiveLanguage;
}

function stateText(job: UploadJob, running: boolean, tr: Translator): string {
  if (running) return tr.t('cli.outbox.state.running');
  if (job.state === 'uploading') return tr.t('cli.outbox.state.interrupted');
  return tr.t(`cli.outbox.state.${job.state}`);
}

export function registerOutboxCommand(program: Command, io: OutboxIo, setExitCode: (code: number) => void): void {
  const tr = cliTranslator(io);
  const outboxCmd = program.command('outbox').description(tr.t('cli.help.outbox'));
  const outbox = () => new Outbox({ dataDir: dataDir(io.env) });

  outboxCmd
    .command('list')
    .description(tr.t('cli.help.outbox.list'))
    .option('--json', tr.t('cli.help.json'))
    .addOption(langOption(tr))
    .action(async (flags: { json?: boolean }) => {
      const box = outbox();
      const { jobs, broken } = await box.list();
      const rows = await Promise.all(jobs.map(async (job) => ({ job, running: await box.isRunning(job) })));
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({ outbox: box.root, jobs: rows.map(({ job, running }) => ({ ...job, running })), broken }, null, 2)}\n`);
        return;
      }
      if (rows.length === 0 && broken.length === 0) {
        io.stdout.write(`${tr.t('cli.outbox.empty', { root: box.root })}\n`);
        return;
      }
      for (const { job, running } of rows) {
        io.stdout.write(`${tr.t('cli.outbox.row', { job: job.id, ticket: job.ticket, target: job.destination.target, state: stateText(job, running, tr), attempts: job.attempts })}\n`);
        io.stdout.write(`    ${tr.t('cli.outbox.archive', { name: job.archive.name, size: formatSize(job.archive.size, tr.locale), path: job.archive.path })}\n`);
        if (job.state === 'done' && job.result) io.stdout.write(`    ${tr.t('cli.outbox.attachment', { id: job.result.id })}${job.result.url ? ` ${job.result.url}` : ''}${job.result.alreadyPresent ? tr.t('cli.outbox.alreadyPresent') : ''}\n`);
        if (job.state !== 'done' && job.lastError) io.stdout.write(`    ${tr.t('cli.outbox.lastError', { reason: jobReason(job, tr) })}\n`);
        if (job.state === 'queued' && job.nextAttemptAt) io.stdout.write(`    ${tr.t('cli.outbox.nextAttempt', { time: formatDateTime(job.nextAttemptAt, tr.locale) })}\n`);
      }
      for (const b of broken) io.stdout.write(`${tr.t('cli.outbox.unreadable', { path: b.path, error: b.error })}\n`);
    });

  outboxCmd
    .command('retry')
    .description(tr.t('cli.help.outbox.retry'))
    .argument('[id]', tr.t('cli.help.outbox.jobId'))
    .option('--policy <file>', tr.t('cli.help.outbox.retry.policy'))
    .option('--split', tr.t('cli.help.outbox.retry.split'))
    .option('--json', tr.t('cli.help.json'))
    .addOption(langOption(tr))
    .action(async (id: string | undefined, flags: { policy?: string; json?: boolean; split?: boolean }) => {
      const policy: Policy = flags.policy ? await loadPolicyFile(flags.policy) : DEFAULT_POLICY;
      const box = outbox();
      let jobs: UploadJob[];
      try {
        jobs = id ? [await box.get(id)] : await box.unfinished();
      } catch (err) {
        if (err instanceof UnknownJobError) throw InputError.coded('outbox-unknown-job', { id: err.id }, err.message);
        throw err;
      }
      const abort = new AbortController();
      const onSignal = () => abort.abort();
      io.signals.on('SIGINT', onSignal);
      io.signals.on('SIGTERM', onSignal);
      const connectors = new Map<string, UploadConnector>();
      const results: UploadJob[] = [];
      let code: number = EXIT.ok;
      try {
        for (let job of jobs) {
          if (abort.signal.aborted) break;
          if (job.state === 'done') {
            results.push(job);
            continue;
          }
          const key = JSON.stringify(job.destination);
          let connector = connectors.get(key);
          if (!connector) {
            try {
              connector = await createConnector(job.destination, policy, { env: io.env, dataDir: dataDir(io.env) });
            } catch (err) {
              if (err instanceof UploadError) throw InputError.coded('outbox-upload', {}, err.message);
              throw err;
            }
            connectors.set(key, connector);
          }
          const progress = createUploadProgress({ json: Boolean(flags.json), tty: Boolean(io.stderr.isTTY), out: io.stderr, label: tr.t('cli.upload.label', { target: job.id }), tr });
          try {
            job = await box.run(job.id, { connector, force: true, ...(flags.split ? { split: true } : {}), signal: abort.signal, onProgress: progress.onProgress, onEvent: progress.onEvent });
          } catch (err) {
            if (!(err instanceof JobBusyError)) throw err;
            if (!flags.json) io.stderr.write(`diagcollect: ${err.message}\n`);
          } finally {
            progress.done();
          }
          results.push(job);
          if (job.state !== 'done') code = EXIT.uploadPending;
          if (!flags.json) io.stdout.write(`${job.id}: ${describeOutcome(job, tr)}\n`);
        }
      } finally {
        io.signals.off('SIGINT', onSignal);
        io.signals.off('SIGTERM', onSignal);
        await Promise.all([...connectors.values()].map((c) => c.close?.()));
      }
      if (abort.signal.aborted) code = EXIT.cancelled;
      if (flags.json) io.stdout.write(`${JSON.stringify({ ok: code === EXIT.ok, exitCode: code, jobs: results.map(uploadJson) })}\n`);
      else if (jobs.length === 0) io.stdout.write(`${tr.t('cli.outbox.nothing')}\n`);
      setExitCode(code);
    });

  outboxCmd
    .command('remove')
    .description(tr.t('cli.help.outbox.remove'))
    .argument('<id>', tr.t('cli.help.outbox.jobId'))
    .option('--json', tr.t('cli.help.json'))
    .addOption(langOption(tr))
    .action(async (id: string, flags: { json?: boolean }) => {
      let job: UploadJob;
      try {
        job = await outbox().remove(id);
      } catch (err) {
        if (err instanceof UnknownJobError) throw InputError.coded('outbox-unknown-job', { id: err.id }, err.message);
        if (err instanceof JobBusyError) {
          io.stderr.write(`diagcollect: ${err.message}\n`);
          setExitCode(EXIT.failure);
          return;
        }
        throw err;
      }
      if (flags.json) io.stdout.write(`${JSON.stringify({ removed: job.id, state: job.state, archive: job.archive.path })}\n`);
      else io.stdout.write(`${tr.t('cli.outbox.removed', { job: job.id, state: tr.t(`cli.outbox.state.${job.state}`), path: job.archive.path })}\n`);
    });
}
