/**
 * 复现录制 in the desktop app: the AppService's side of the recorder. The window starts and
 * stops a recording for the ticket being filled in, adds notes and marks, and asks for the
 * state (indicator, number of steps); the collection that follows takes the stopped recording
 * as one more collector, exactly as `diagcollect record` does, through the one workflow. One
 * recording at a time (the CLI's too: the same control file).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { checkTicketId, formatTimestamp } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import type { Collector } from '../collectors/types.js';
import { InputError } from '../errors.js';
import { claimActive, recordingsDir, releaseActive } from './control.js';
import { recordingLimits } from './limits.js';
import { Recorder, type RecorderOptions } from './recorder.js';
import { recordingCollectors } from './recording-collector.js';
import type { Recording, StopReason } from './types.js';

export interface AppRecordStatus {
  state: 'idle' | 'recording' | 'stopped';
  ticket?: string;
  startedAt?: string;
  stoppedAt?: string;
  steps: number;
  /** How clicks are seen, and why not when they are not. */
  input?: 'hook' | 'interval';
  why?: string;
  /** No pictures: why (policy, or the user's choice). */
  noPictures?: string;
  stopReason?: StopReason;
  /** The time limit (policy record.maxMinutes) and, while recording, when it stops by itself. */
  limitMinutes?: number;
  endsAt?: string;
}

export interface AppRecorderOptions {
  dataDir: string;
  policy: () => Policy;
  platform: Platform;
  env: NodeJS.ProcessEnv;
  /** Test hooks (hook off, network readers …). */
  recorder?: Partial<RecorderOptions>;
}

export class AppRecorder {
  #running: { recorder: Recorder; ticket: string; dir: string; limit: Promise<void>; limitMinutes: number; noPictures?: string } | undefined;
  #stopped: { recording: Recording; dir: string } | undefined;
  #stopping: Promise<AppRecordStatus> | undefined;

  constructor(private readonly options: AppRecorderOptions) {}

  async start(request: { ticket: string; pictures: boolean }): Promise<AppRecordStatus> {
    if (this.#running) throw InputError.coded('record-running-app', {}, 'a recording is already running; stop it first');
    const ticket = checkTicketId(request.ticket);
    if (!ticket.ok) throw InputError.coded('ticket-invalid', { ticket: request.ticket }, ticket.reason);
    await this.discard();
    const policy = this.options.policy();
    const dir = path.join(recordingsDir(this.options.dataDir), `${ticket.ticket}_${formatTimestamp(new Date())}_app`);
    await claimActive(this.options.dataDir, { pid: process.pid, ticket: ticket.ticket, startedAt: new Date().toISOString(), dir });
    // The same limits as `diagcollect record` (policy record.*, screenshotAllowed, the user's consent).
    const limits = recordingLimits(policy, [], { consent: request.pictures, declined: 'the user chose no screenshots' });
    try {
      const recorder = await Recorder.start({
        ticket: ticket.ticket,
        dir,
        policy,
        platform: this.options.platform,
        env: this.options.env,
        pictures: limits.pictures,
        ...(limits.noPicturesWhy ? { noPicturesWhy: limits.noPicturesWhy } : {}),
        limitMs: limits.minutes * 60_000,
        intervalMs: limits.intervalSeconds * 1000,
        ...this.options.recorder,
      });
      const limit = recorder.limitReached.then(() => void this.stop('time-limit'));
      this.#running = { recorder, ticket: ticket.ticket, dir, limit, limitMinutes: limits.minutes, ...(limits.noPicturesWhy ? { noPictures: limits.noPicturesWhy } : {}) };
    } catch (err) {
      await releaseActive(this.options.dataDir);
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    return this.status();
  }

  note(text: string): AppRecordStatus {
    this.#running?.recorder.note(text);
    return this.status();
  }

  mark(): AppRecordStatus {
    this.#running?.recorder.mark();
    return this.status();
  }

  /** Stops the recording (idempotent); the next collection for its ticket takes it. */
  stop(reason: StopReason = 'user'): Promise<AppRecordStatus> {
    const running = this.#running;
    if (!running) return this.#stopping ?? Promise.resolve(this.status());
    this.#stopping ??= (async () => {
      try {
        const recording = await running.recorder.stop(reason);
        this.#stopped = { recording, dir: running.dir };
      } finally {
        this.#running = undefined;
        await releaseActive(this.options.dataDir);
      }
      return this.status();
    })().finally(() => (this.#stopping = undefined));
    return this.#stopping;
  }

  status(): AppRecordStatus {
    const r = this.#running;
    if (r) {
      const input = r.recorder.inputMode;
      return {
        state: 'recording',
        ticket: r.ticket,
        steps: r.recorder.stepCount,
        startedAt: r.recorder.startedAt.toISOString(),
        input: input.mode,
        ...(input.why ? { why: input.why } : {}),
        ...(r.noPictures ? { noPictures: r.noPictures } : {}),
        limitMinutes: r.limitMinutes,
        endsAt: new Date(r.recorder.startedAt.getTime() + r.limitMinutes * 60_000).toISOString(),
      };
    }
    const s = this.#stopped?.recording;
    if (!s) return { state: 'idle', steps: 0 };
    return {
      state: 'stopped',
      ticket: s.ticket,
      startedAt: s.startedAt,
      stoppedAt: s.stoppedAt,
      steps: s.steps.length,
      input: s.input.mode,
      ...(s.input.why ? { why: s.input.why } : {}),
      ...(s.pictures.why ? { noPictures: s.pictures.why } : {}),
      stopReason: s.stopReason,
    };
  }

  /**
   * The stopped recording of this ticket as collectors for the collection (none otherwise).
   * `pictures`: the screenshot consent of this collection (the Review screen's checkbox).
   */
  collectorsFor(ticket: string, pictures = true): Collector[] {
    const s = this.#stopped;
    return s && s.recording.ticket === ticket ? recordingCollectors(s.recording, s.dir, { pictures }) : [];
  }

  /** Forgets a stopped recording and removes its folder. */
  async discard(): Promise<void> {
    const s = this.#stopped;
    this.#stopped = undefined;
    if (s) await rm(s.dir, { recursive: true, force: true });
  }

  /** App shutdown: a running recording is stopped and dropped (nothing after Stop is kept). */
  async dispose(): Promise<void> {
    if (this.#running) await this.stop('cancelled');
    await this.discard();
  }
}
