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
import { formatBytes } from '../engine/report/figures.js';
import { describeOutcome, uploadJson } from './upload-step.js';
import { createUploadProgress } from './upload-progress.js';

export interface OutboxIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  signals: Pick<NodeJS.Process, 'on' | 'off'>;
}


function stateText(job: UploadJob, running: boolean): string {
  if (running) return 'uploading (now)';
  if (job.state === 'uploading') return 'interrupted (retry resumes it)';
  return job.state;
}

export function registerOutboxCommand(program: Command, io: OutboxIo, setExitCode: (code: number) => void): void {
  const outboxCmd = program.command('outbox').description('upload jobs in the local outbox: list, retry, remove');
  const outbox = () => new Outbox({ dataDir: dataDir(io.env) });

  outboxCmd
    .command('list')
    .description('list the upload jobs and their state')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const box = outbox();
      const { jobs, broken } = await box.list();
      const rows = await Promise.all(jobs.map(async (job) => ({ job, running: await box.isRunning(job) })));
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({ outbox: box.root, jobs: rows.map(({ job, running }) => ({ ...job, running })), broken }, null, 2)}\n`);
        return;
      }
      if (rows.length === 0 && broken.length === 0) {
        io.stdout.write(`No upload jobs in ${box.root}\n`);
        return;
      }
      for (const { job, running } of rows) {
        io.stdout.write(`${job.id}  ticket ${job.ticket}  ${job.destination.target}  ${stateText(job, running)}  attempts ${job.attempts}\n`);
        io.stdout.write(`    archive: ${job.archive.name} (${formatBytes(job.archive.size)}) ${job.archive.path}\n`);
        if (job.state === 'done' && job.result) io.stdout.write(`    attachment ${job.result.id}${job.result.url ? ` ${job.result.url}` : ''}${job.result.alreadyPresent ? ' (was already on the ticket)' : ''}\n`);
        if (job.state !== 'done' && job.lastError) io.stdout.write(`    last error: ${job.lastError.message}\n`);
        if (job.state === 'queued' && job.nextAttemptAt) io.stdout.write(`    next attempt after ${new Date(job.nextAttemptAt).toLocaleString()}\n`);
      }
      for (const b of broken) io.stdout.write(`unreadable job file ${b.path}: ${b.error}\n`);
    });

  outboxCmd
    .command('retry')
    .description('upload now: one job, or every job that is not done (failed ones too)')
    .argument('[id]', 'job id (see `diagcollect outbox list`)')
    .option('--policy <file>', 'JSON policy (upload.caFile, upload.allowedHosts)')
    .option('--split', "split an archive that is too big for the target into parts (<name>_part01.zip, …) uploaded one by one")
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, flags: { policy?: string; json?: boolean; split?: boolean }) => {
      const policy: Policy = flags.policy ? await loadPolicyFile(flags.policy) : DEFAULT_POLICY;
      const box = outbox();
      let jobs: UploadJob[];
      try {
        jobs = id ? [await box.get(id)] : await box.unfinished();
      } catch (err) {
        if (err instanceof UnknownJobError) throw new InputError(err.message);
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
              if (err instanceof UploadError) throw new InputError(err.message);
              throw err;
            }
            connectors.set(key, connector);
          }
          const progress = createUploadProgress({ json: Boolean(flags.json), tty: Boolean(io.stderr.isTTY), out: io.stderr, label: `Upload ${job.id}` });
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
          if (!flags.json) io.stdout.write(`${job.id}: ${describeOutcome(job)}\n`);
        }
      } finally {
        io.signals.off('SIGINT', onSignal);
        io.signals.off('SIGTERM', onSignal);
        await Promise.all([...connectors.values()].map((c) => c.close?.()));
      }
      if (abort.signal.aborted) code = EXIT.cancelled;
      if (flags.json) io.stdout.write(`${JSON.stringify({ ok: code === EXIT.ok, exitCode: code, jobs: results.map(uploadJson) })}\n`);
      else if (jobs.length === 0) io.stdout.write('Nothing to upload: every job is done.\n');
      setExitCode(code);
    });

  outboxCmd
    .command('remove')
    .description('forget an upload job (the archive itself is kept)')
    .argument('<id>', 'job id')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      let job: UploadJob;
      try {
        job = await outbox().remove(id);
      } catch (err) {
        if (err instanceof UnknownJobError) throw new InputError(err.message);
        if (err instanceof JobBusyError) {
          io.stderr.write(`diagcollect: ${err.message}\n`);
          setExitCode(EXIT.failure);
          return;
        }
        throw err;
      }
      if (flags.json) io.stdout.write(`${JSON.stringify({ removed: job.id, state: job.state, archive: job.archive.path })}\n`);
      else io.stdout.write(`Removed job ${job.id} (${job.state}); the archive is kept: ${job.archive.path}\n`);
    });
}
