/**
 * 复现录制: the recorder between Start and Stop. Start notes where each log ends, the journal's
 * cursor and the network; then each click (or, without the input hook, every N seconds) becomes
 * a numbered step with the time, the foreground window's title and a picture with the click
 * drawn on it; the user adds notes and marks. Stop (the user, another process through the
 * control file, or the time limit) waits for the pictures in flight, reads what the logs
 * gained and writes `recording.json`. Nothing is taken before Start or after Stop, and no
 * keystroke is recorded. The archive is made afterwards by the one workflow, with the
 * recording as one more collector (recording-collector.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { LINUX_FALLBACK_FILES } from '../collectors/system-logs.js';
import { encodeStepPicture, loadSharp, NORMAL_ENCODING, openScreenGrabber, savePicture, SMALL_ENCODING, type Grab, type ScreenGrabber } from './capture.js';
import { startHook, startInterval, type Click, type InputSource } from './input-hook.js';
import { LogTail, policyLogFiles } from './log-tail.js';
import { describeNetwork, diffNetwork, readNetwork, systemReaders, watchedNames, type NetworkReaders, type NetworkSnapshot } from './network-sampler.js';
import { journalCursor, readSystemLogWindow, systemLogWindowPlan } from './system-log-window.js';
import type { RecordedStep, Recording, RecordingEvent, StepKind, StopReason, TailedLog } from './types.js';
import { foregroundWindowTitle } from './window-title.js';

/**
 * A 10-minute recording stays under 20 MB: the pictures get 12 MB; the logs' new lines 2 MB a
 * log and 4 MB together, the system log window 2 MB; the steps page, the steps log and
 * recording.json are a few hundred bytes a step (tests/integration/record/record-cap.test.ts).
 */
export const PICTURE_CAP_BYTES = 12 * 1024 * 1024;
export const LOG_CAP_BYTES = 2 * 1024 * 1024;
export const LOGS_TOTAL_CAP_BYTES = 4 * 1024 * 1024;
export const DEFAULT_LIMIT_MS = 10 * 60_000;
export const RECORDING_FILE = 'recording.json';
const CAP_REACHED = 'the recording reached its size cap for pictures';
/** Clicks waiting for their picture beyond this many get none (clicks faster than pictures). */
const MAX_PENDING_PICTURES = 3;

export interface RecorderOptions {
  ticket: string;
  /** The recording's own folder (created, 0700); it holds the pictures and `recording.json`. */
  dir: string;
  policy: Policy;
  platform: Platform;
  env: NodeJS.ProcessEnv;
  /** Pictures only with the user's consent and when policy allows screenshots. */
  pictures: boolean;
  /** Why there are no pictures, when `pictures` is false (shown on each step). */
  noPicturesWhy?: string;
  /** Stop by itself after this long (policy; default 10 min). */
  limitMs?: number;
  /** Without the hook: a picture this often. */
  intervalMs?: number;
  /** The network is read this often. */
  networkEveryMs?: number;
  /** Logs are looked at this often. */
  logEveryMs?: number;
  /** 'off': never load the hook (the fallback is used; tests of the fallback). */
  hook?: 'auto' | 'off';
  pictureCapBytes?: number;
  /** Network sources (tests pass their own). */
  network?: NetworkReaders;
  onStep?: (step: RecordedStep) => void;
  onEvent?: (event: RecordingEvent) => void;
}

export class Recorder {
  readonly startedAt: Date;
  private readonly steps: RecordedStep[] = [];
  private readonly events: RecordingEvent[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly tail: LogTail;
  private input: InputSource | undefined;
  private grabber: ScreenGrabber | undefined;
  private network: NetworkSnapshot | undefined;
  private networkBusy = false;
  private cursor: string | undefined;
  private pictureQueue: Promise<void> = Promise.resolve();
  /** Every step's picture and title: what Stop waits for. */
  private settled: Promise<void> = Promise.resolve();
  private pendingPictures = 0;
  private pictureBytes = 0;
  private small = false;
  private stopping: Promise<Recording> | undefined;
  private stopReason: StopReason = 'user';
  private resolveLimit!: (reason: StopReason) => void;
  /** Resolves when the recording should end by itself (time limit). */
  readonly limitReached: Promise<StopReason>;

  private constructor(private readonly options: RecorderOptions) {
    this.startedAt = new Date();
    this.tail = new LogTail({ dir: path.join(options.dir, 'logs'), maxBytes: LOG_CAP_BYTES, totalBytes: LOGS_TOTAL_CAP_BYTES });
    this.limitReached = new Promise((resolve) => (this.resolveLimit = resolve));
  }

  /** Starts recording now. */
  static async start(options: RecorderOptions): Promise<Recorder> {
    await mkdir(path.join(options.dir, 'logs'), { recursive: true, mode: 0o700 });
    const r = new Recorder(options);
    try {
      await r.begin();
    } catch (err) {
      // Nothing may keep running (the screen connection, the hook, the timers) for a recording that never started.
      r.input?.stop();
      for (const t of r.timers) clearTimeout(t);
      r.grabber?.close();
      throw err;
    }
    return r;
  }

  get stepCount(): number {
    return this.steps.length;
  }

  /** How clicks are seen (the hook, or timed pictures and why). */
  get inputMode(): { mode: 'hook' | 'interval'; why?: string } {
    return { mode: this.input?.mode ?? 'interval', ...(this.input?.why ? { why: this.input.why } : {}) };
  }

  private event(kind: RecordingEvent['kind'], text: string, level?: RecordingEvent['level']): void {
    const e: RecordingEvent = { at: new Date().toISOString(), kind, text, ...(level ? { level } : {}) };
    this.events.push(e);
    this.options.onEvent?.(e);
  }

  private async begin(): Promise<void> {
    const { options } = this;
    this.event('start', `recording started for ticket ${options.ticket}`);
    const reader = options.network ?? systemReaders(options.platform, options.env);
    const names = watchedNames(options.policy);
    // Logs first: their ends are where the recording's lines begin.
    const files = await policyLogFiles(options.policy.appLogPaths, options.env, options.platform, options.policy.caps.filesPerPath);
    await Promise.all(files.map((f) => this.tail.follow(f)));
    if (options.platform === 'linux') {
      this.cursor = await journalCursor();
      if (!this.cursor) for (const f of LINUX_FALLBACK_FILES.system) if (await this.tail.follow(f)) break;
    }
    // The image library and the screen connection are ready now, so the first click's picture is as quick as the others.
    if (options.pictures) [, this.grabber] = await Promise.all([loadSharp(), openScreenGrabber(options.platform, options.env)]);

    const limitMs = options.limitMs ?? DEFAULT_LIMIT_MS;
    this.timers.push(setTimeout(() => this.resolveLimit('time-limit'), limitMs));
    this.timers.push(setInterval(() => void this.tail.poll().catch(() => {}), options.logEveryMs ?? 1_000));
    this.timers.push(
      setInterval(() => {
        if (this.networkBusy || this.stopping || !this.network) return;
        this.networkBusy = true;
        void (async () => {
          const now = await readNetwork(reader, names);
          if (this.stopping) return;
          for (const c of diffNetwork(this.network!, now)) this.event('network', c.text, c.loss ? 'warning' : 'info');
          this.network = now;
          // Log files that appeared since Start (a new day's log) were written during the recording.
          const later = await policyLogFiles(options.policy.appLogPaths, options.env, options.platform, options.policy.caps.filesPerPath);
          for (const f of later) await this.tail.follow(f, !files.includes(f));
        })()
          .catch(() => {})
          .finally(() => (this.networkBusy = false));
      }, options.networkEveryMs ?? 5_000),
    );
    for (const t of this.timers) t.unref?.();

    // On X11 the clicks come over the picture's own connection (XInput 2): the hook's are late.
    // While that connection lives the hook's clicks are dropped; should it fail, they are taken.
    const presses = options.hook === 'off' ? undefined : await this.watchX11Presses();
    const onClick = (c: Click) => {
      if (!presses || !this.grabber?.x11) this.addStep('click', { x: c.x, y: c.y, button: c.button, at: c.at });
    };
    const onMarkKey = () => this.mark();
    const hook = options.hook === 'off' ? 'the input hook was switched off' : await startHook(options.platform, options.env, { onClick, onMarkKey });
    if (presses) {
      if (typeof hook === 'string') this.event('problem', `the mark shortcut (Ctrl+Alt+M) is not available: ${hook}`, 'warning');
      this.input = { mode: 'hook', stop: () => (presses(), typeof hook === 'string' ? undefined : hook.stop()) };
    } else if (typeof hook === 'string') {
      const every = options.intervalMs ?? 10_000;
      this.input = startInterval(every, () => this.addStep('interval', {}), hook);
      this.event('problem', `clicks are not seen (${hook}): a picture every ${Math.round(every / 1000)} s and at each mark instead`, 'warning');
    } else this.input = hook;
    // The first network reading may wait for a DNS answer: clicks are seen meanwhile.
    this.network = await readNetwork(reader, names);
    this.event('network', describeNetwork(this.network));
  }

  /** Clicks over the X connection, when the session has one; the stop function, or undefined (the hook's clicks are used). */
  private async watchX11Presses(): Promise<(() => void) | undefined> {
    const x11 = this.grabber?.x11;
    if (!x11) return undefined;
    try {
      // The pointer is asked for before the picture, so the marker is where the click was.
      return await x11.watchPresses((p) => this.addStep('click', { button: p.button, at: p.at, position: x11.pointer() }));
    } catch {
      return undefined;
    }
  }

  /** A mark by the user (key, button or Enter): a step with a picture, with an optional note. */
  mark(note?: string): void {
    this.addStep('mark', note ? { note } : {});
  }

  /** A note by the user: a step of its own, without a picture. */
  note(text: string): void {
    const t = text.trim();
    if (t) this.addStep('note', { note: t.slice(0, 2000) });
  }

  private addStep(kind: StepKind, extra: { x?: number; y?: number; button?: number; at?: number; note?: string; position?: Promise<{ x: number; y: number }> }): void {
    if (this.stopping) return;
    const at = extra.at ?? Date.now();
    const step: RecordedStep = {
      n: this.steps.length + 1,
      kind,
      at: new Date(at).toISOString(),
      ...(extra.x !== undefined ? { x: extra.x, y: extra.y! } : {}),
      ...(extra.x !== undefined || extra.position ? { button: extra.button ?? 1 } : {}),
      ...(extra.note ? { note: extra.note } : {}),
    };
    this.steps.push(step);
    if (kind === 'note') {
      this.options.onStep?.(step);
      return;
    }
    // A click seen over the X connection learns its position from the server (the request left before the picture's).
    const placed = extra.position?.then(
      (p) => Object.assign(step, { x: p.x, y: p.y }),
      () => step,
    );
    // The picture is asked for first: the X server takes it when the request arrives, so it
    // shows the screen of the click. Over the X connection the title's requests follow the
    // picture's on the wire and are answered right after it. Without the connection the title
    // is read once the pixels are in, while they are encoded: its helper processes (xdotool,
    // xwininfo) are X clients too, and started during the grab they made the server answer
    // later (tests/bench/record.bench.ts).
    const picture = this.startPicture(step);
    const x11 = this.grabber?.x11;
    const titled = (x11 ? Promise.resolve() : (picture ?? Promise.resolve()))
      .then(() => placed)
      .then(() => foregroundWindowTitle(this.options.platform, step.x !== undefined ? { x: step.x, y: step.y! } : undefined, undefined, x11))
      .then((t) => {
        if (t) step.window = t;
      });
    if (picture) {
      // Encoded and written one at a time, in step order; a slow title does not hold up the next picture.
      this.pictureQueue = this.pictureQueue.then(async () => {
        try {
          await this.finishPicture(step, at, picture, placed);
        } catch (err) {
          step.noImage = `the picture failed: ${err instanceof Error ? err.message : String(err)}`;
        } finally {
          this.pendingPictures -= 1;
        }
      });
    }
    const done = Promise.all([this.pictureQueue, titled]).then(() => this.options.onStep?.(step));
    this.settled = Promise.all([this.settled, done]).then(() => undefined);
  }

  /** Starts grabbing the screen for a step, or says on the step why it gets no picture. */
  private startPicture(step: RecordedStep): Promise<{ grab: Grab | { reason: string }; ms: number }> | undefined {
    if (!this.options.pictures || !this.grabber) {
      step.noImage = this.options.noPicturesWhy ?? 'no screenshots';
      return undefined;
    }
    if (this.pendingPictures >= MAX_PENDING_PICTURES) {
      step.noImage = 'clicks came faster than pictures could be taken';
      return undefined;
    }
    if (this.pictureBytes >= (this.options.pictureCapBytes ?? PICTURE_CAP_BYTES)) {
      step.noImage = CAP_REACHED;
      return undefined;
    }
    this.pendingPictures += 1;
    const t0 = performance.now();
    return this.grabber.grab().then(
      (grab) => ({ grab, ms: performance.now() - t0 }),
      (err: unknown) => ({ grab: { reason: err instanceof Error ? err.message : String(err) }, ms: performance.now() - t0 }),
    );
  }

  private async finishPicture(step: RecordedStep, at: number, picture: Promise<{ grab: Grab | { reason: string }; ms: number }>, placed: Promise<unknown> | undefined): Promise<void> {
    const cap = this.options.pictureCapBytes ?? PICTURE_CAP_BYTES;
    const { grab, ms: grabMs } = await picture;
    // The click's position (when the server tells it) is in before the pixels: it was asked first.
    await placed;
    if ('reason' in grab) {
      step.noImage = grab.reason;
      return;
    }
    const t0 = performance.now();
    const click = step.x !== undefined ? { x: step.x, y: step.y! } : undefined;
    let jpeg = await encodeStepPicture(grab, click, this.small ? SMALL_ENCODING : NORMAL_ENCODING);
    // Nearing the cap: this and every later picture smaller, so the last steps still get one.
    if (!this.small && this.pictureBytes + jpeg.length > cap * 0.6) {
      this.small = true;
      jpeg = await encodeStepPicture(grab, click, SMALL_ENCODING);
    }
    if (this.pictureBytes + jpeg.length > cap) {
      step.noImage = CAP_REACHED;
      return;
    }
    const t1 = performance.now();
    const file = `step-${String(step.n).padStart(3, '0')}.jpg`;
    await savePicture(path.join(this.options.dir, file), jpeg);
    this.pictureBytes += jpeg.length;
    step.image = file;
    step.imageBytes = jpeg.length;
    step.captureMs = Date.now() - at;
    step.stagesMs = { grab: Math.round(grabMs), encode: Math.round(t1 - t0), write: Math.round(performance.now() - t1) };
  }

  /** Stops (idempotent): waits for the pictures in flight, reads the logs' new lines, writes recording.json. */
  stop(reason: StopReason = 'user'): Promise<Recording> {
    if (!this.stopping) {
      this.stopReason = reason;
      this.stopping = this.finish();
    }
    return this.stopping;
  }

  private async finish(): Promise<Recording> {
    const { options } = this;
    this.input?.stop();
    for (const t of this.timers) clearTimeout(t);
    const stoppedAt = new Date();
    await this.settled;
    this.grabber?.close();
    const logs: TailedLog[] = await this.tail.finish();
    const plan = systemLogWindowPlan(options.platform, options.policy, this.startedAt, stoppedAt, this.cursor);
    const system = await readSystemLogWindow(plan, path.join(options.dir, 'logs'), LOG_CAP_BYTES);
    for (const f of system.files) logs.push({ source: f.source, file: f.file, bytes: f.bytes });
    for (const p of system.problems) this.events.push({ at: stoppedAt.toISOString(), kind: 'problem', text: `system log of the recording: ${p}`, level: 'warning' });
    this.events.push({ at: stoppedAt.toISOString(), kind: 'stop', text: `recording stopped (${STOP_TEXT[this.stopReason]}) after ${this.steps.length} steps` });
    const recording: Recording = {
      format: 'diagcollect-recording/1',
      ticket: options.ticket,
      startedAt: this.startedAt.toISOString(),
      stoppedAt: stoppedAt.toISOString(),
      stopReason: this.stopReason,
      input: { mode: this.input?.mode ?? 'interval', ...(this.input?.mode === 'interval' ? { intervalSeconds: Math.round((options.intervalMs ?? 10_000) / 1000) } : {}), ...(this.input?.why ? { why: this.input.why } : {}) },
      pictures: {
        taken: options.pictures,
        ...(options.pictures ? {} : { why: options.noPicturesWhy ?? 'no screenshots' }),
        ...(this.grabber ? { method: this.grabber.method, ...(this.grabber.why ? { methodWhy: this.grabber.why } : {}) } : {}),
        bytes: this.pictureBytes,
        capBytes: options.pictureCapBytes ?? PICTURE_CAP_BYTES,
      },
      steps: this.steps,
      events: this.events,
      logs,
    };
    await writeFile(path.join(options.dir, RECORDING_FILE), `${JSON.stringify(recording, null, 2)}\n`, { mode: 0o600 });
    return recording;
  }
}

const STOP_TEXT: Record<StopReason, string> = { user: 'by the user', 'time-limit': 'time limit reached', control: 'stop requested by another diagcollect', cancelled: 'cancelled' };
