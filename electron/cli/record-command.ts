/**
 * `diagcollect record --ticket N`: 复现录制. Start → the user reproduces the problem → Stop
 * (Ctrl-C, `diagcollect record --stop` from another terminal, or the time limit); then the one
 * workflow makes the archive exactly as `collect` does, with the recording as one more
 * collector (electron/engine/record). While recording: a typed line + Enter is a note, Enter
 * alone a mark; each step is printed as it is taken (stderr; stdout keeps the result). With
 * --dry-run the archive is previewed (its pictures listed as sensitive entries with their
 * sizes, as `collect --dry-run` lists the screenshot) and nothing is written.
 */
import type { Command } from 'commander';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { formatBytes } from '../../shared/figures.js';
import { checkTicketId, formatTimestamp } from '../../shared/naming.js';
import type { Platform } from '../../shared/types.js';
import { EXIT, InputError } from '../engine/errors.js';
import { dataDir } from '../engine/platform/app-paths.js';
import { loadEffectivePolicy } from '../engine/policy/effective.js';
import { claimActive, recordingsDir, releaseActive, requestStop, watchStopRequest } from '../engine/record/control.js';
import { recordingLimits } from '../engine/record/limits.js';
import { Recorder } from '../engine/record/recorder.js';
import { recordingCollectors, recordingPictureFacts } from '../engine/record/recording-collector.js';
import { stepAction } from '../engine/record/steps-html.js';
import type { StopReason } from '../engine/record/types.js';
import { planWorkflow } from '../engine/workflow/run-workflow.js';
import { cliTranslator } from './cli-i18n.js';
import { addCollectOptions, collect, type CollectFlags } from './collect-command.js';
import { exitCodeFor } from './exit-code.js';
import type { CliIo } from './main.js';

export interface RecordFlags extends CollectFlags {
  stop?: boolean;
  minutes?: string;
  interval?: string;
  hook: boolean;
}

export function registerRecordCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const tr = cliTranslator(io);
  addCollectOptions(program.command('record').description(tr.t('cli.help.record')), tr)
    .option('--stop', tr.t('cli.help.record.stop'))
    .option('--minutes <n>', tr.t('cli.help.record.minutes'))
    .option('--interval <seconds>', tr.t('cli.help.record.interval'))
    .option('--no-hook', tr.t('cli.help.record.noHook'))
    .action(async (flags: RecordFlags) => {
      setExit(await record(flags, io));
    });
}

async function record(flags: RecordFlags, io: CliIo): Promise<number> {
  const tr = cliTranslator(io);
  const say = (text: string) => void (flags.json ? undefined : io.stderr.write(`${text}\n`));
  const data = dataDir(io.env);
  try {
    if (flags.stop) {
      const stopped = await requestStop(data);
      say(tr.t('cli.record.stopSent', { ticket: stopped.ticket, pid: stopped.pid }));
      if (flags.json) io.stdout.write(`${JSON.stringify({ ok: true, exitCode: EXIT.ok, stopped: { ticket: stopped.ticket, pid: stopped.pid } })}\n`);
      return EXIT.ok;
    }
    if (!flags.ticket) throw InputError.coded('record-ticket-required', {}, 'a ticket is required: diagcollect record --ticket <id> (e.g. 12345)');
    const ticket = checkTicketId(flags.ticket);
    if (!ticket.ok) throw InputError.coded('ticket-invalid', { ticket: flags.ticket }, ticket.reason);
    const { policy, locked } = await loadEffectivePolicy({ env: io.env, ...(flags.policy ? { policyFile: flags.policy, strictPolicyFile: true } : {}) });
    // Policy record.* with --minutes / --interval / --no-screenshot where policy lets them.
    const limits = recordingLimits(policy, locked, {
      consent: flags.screenshot,
      declined: 'the user chose no screenshots (--no-screenshot)',
      ...(flags.minutes !== undefined ? { minutes: flags.minutes } : {}),
      ...(flags.interval !== undefined ? { intervalSeconds: flags.interval } : {}),
    });
    const { minutes, intervalSeconds: interval } = limits;
    // Everything the archive step would refuse is refused before the user spends time reproducing.
    planWorkflow({ ticket: ticket.ticket, policy, consentSensitive: flags.screenshot, ...(flags.lang ? { lang: flags.lang } : {}), ...(flags.upload ? { target: flags.upload } : {}), platform: process.platform as Platform });
    const lang = flags.lang ?? policy.archiveLanguage;

    const dir = path.join(recordingsDir(data), `${ticket.ticket}_${formatTimestamp(new Date())}_${process.pid}`);
    await claimActive(data, { pid: process.pid, ticket: ticket.ticket, startedAt: new Date().toISOString(), dir });
    let recorder: Recorder;
    try {
      recorder = await Recorder.start({
        ticket: ticket.ticket,
        dir,
        policy,
        platform: process.platform as Platform,
        env: io.env,
        pictures: limits.pictures,
        ...(limits.noPicturesWhy ? { noPicturesWhy: limits.noPicturesWhy } : {}),
        limitMs: minutes * 60_000,
        intervalMs: interval * 1000,
        hook: flags.hook ? 'auto' : 'off',
        onStep: (s) => say(tr.t('cli.record.step', { n: s.n, action: stepAction(s, lang), window: s.window ?? 'none' })),
      });
    } catch (err) {
      await releaseActive(data);
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    say(tr.t('cli.record.started', { ticket: ticket.ticket, minutes }));
    const input = recorder.inputMode;
    if (input.mode === 'interval') say(tr.t('cli.record.noHook', { why: input.why ?? '', seconds: interval }));
    if (limits.noPicturesWhy) say(tr.t('cli.record.noPictures', { why: limits.noPicturesWhy }));
    const rec0 = recorder;
    let stopWith: (reason: StopReason) => void = () => {};
    const stopped = new Promise<StopReason>((resolve) => (stopWith = resolve));
    const onSignal = () => stopWith('user');
    io.signals.on('SIGINT', onSignal);
    io.signals.on('SIGTERM', onSignal);
    const unwatch = watchStopRequest(dir, () => stopWith('control'));
    void rec0.limitReached.then(stopWith);
    // Notes and marks from the terminal; a closed stdin just means no notes.
    const lines = process.stdin.readable ? createInterface({ input: process.stdin, terminal: false }) : undefined;
    lines?.on('line', (line) => (line.trim() ? rec0.note(line) : rec0.mark()));
    const reason = await stopped;
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
    unwatch();
    lines?.close();
    process.stdin.pause();
    const recording = await rec0.stop(reason);
    await releaseActive(data);
    say(tr.t('cli.record.stopped', { why: tr.t(`cli.record.why.${reason}`), count: recording.steps.length }));
    const pictures = recordingPictureFacts(recording);
    if (pictures.count > 0) say(tr.t('cli.record.pictures', { count: pictures.count, size: formatBytes(pictures.bytes), dryRun: flags.dryRun ? 'yes' : 'no' }));
    // The one workflow, as for `collect`, with the recording as more collectors: its pictures are
    // screenshots (sensitive), under the same --no-screenshot consent; --dry-run previews the
    // archive, pictures included, and writes nothing.
    const code = await collect({ ...flags, ticket: ticket.ticket }, io, recordingCollectors(recording, dir, { pictures: flags.screenshot }));
    if (code === EXIT.ok || code === EXIT.partial || code === EXIT.uploadPending) await rm(dir, { recursive: true, force: true });
    else say(tr.t('cli.record.kept', { dir }));
    return code;
  } catch (err) {
    const { code, message, text } = exitCodeFor(err, cliTranslator(io));
    if (flags.json) io.stdout.write(`${JSON.stringify({ ok: false, exitCode: code, error: message })}\n`);
    else io.stderr.write(`diagcollect: ${text}\n`);
    return code;
  }
}
