/**
 * The recorder's cost (issue 16), on a real X server (Xvfb, 1280×800) with real windows (xclock,
 * xlogo):
 *  1. per stage of a click's picture, wall and CPU (medians), the way the recorder does it now
 *     against the way it did (the baseline, measured in the same run on the same screen):
 *     grab — in-process X11 GetImage (x11-grab.ts) vs spawning `xwd -root` and reading its dump
 *     (the child's CPU is counted too); encode — the small click marker and JPEG without a
 *     Huffman pass vs a marker SVG over the whole picture and sharp's default JPEG; write — one
 *     writeFile. The longest event-loop stall during the grabs is shown beside them;
 *  2. idle between clicks: this process's CPU over 10 s of wall, as a share of one core, with
 *     the real input hook, log tail, network sampler and stop-file watch (target ≤ 5 %);
 *  3. xdotool clicks (one xdotool process chaining the clicks, one a second): for each click,
 *     from the click to the JPEG on disk (target ≤ 300 ms), in stages: click → the recorder
 *     sees it (the click's time is when the X server sent this bench's own XInput 2 raw press
 *     to it, on a connection of its own: the server sends those at once) → pixels in → encoded →
 *     written (the step's own times). The recorder's CPU over the clicks is shown beside them.
 *     The file runs unchanged against another checkout's engine (copy it there) to compare
 *     branches in the same run: it uses only what both have.
 * The load average is printed with the figures: on a shared machine the wall times grow with it.
 *
 *   npx tsx tests/bench/record.bench.ts        (or npm run bench -- record)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicySchema } from '../../shared/policy.js';
import { encodeStepPicture, loadSharp, NORMAL_ENCODING, savePicture, type Grab } from '../../electron/engine/record/capture.js';
import { watchStopRequest } from '../../electron/engine/record/control.js';
import { Recorder } from '../../electron/engine/record/recorder.js';
import { X11Screen } from '../../electron/engine/record/x11-grab.js';
import { parseXwd, type RawImage } from '../../electron/engine/record/xwd.js';

export interface StageFigure {
  wallMs: number;
  cpuMs: number;
}

export interface ClickStages {
  /** From the click to the recorder seeing it (the hook's delivery). */
  seen: number;
  grab: number;
  /** Waiting in the picture queue (and for the click's position) between pixels and encoding. */
  queued: number;
  encode: number;
  write: number;
}

export interface RecordBench {
  idleCorePercent: number;
  clicks: number;
  /** Click to JPEG on disk, per click. */
  clickToDiskMs: number[];
  medianMs: number;
  p95Ms: number;
  worstMs: number;
  /** Medians of the clicks' stages (wall). */
  clickStages: ClickStages;
  /** The recorder's CPU (this process plus its children) per click, ms. */
  cpuPerClickMs: number;
  stages: { grab: StageFigure; grabBaseline: StageFigure; encode: StageFigure; encodeBaseline: StageFigure; write: StageFigure };
  /** Longest event-loop stall (ms) while grabbing in-process and with xwd. */
  stallMs: { x11: number; xwd: number };
  jpegBytes: { now: number; baseline: number };
  load: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** This process's CPU plus its waited-for children's (xwd), ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const children = (Number(fields[13]) + Number(fields[14])) * (1000 / 100);
  return (u.user + u.system) / 1000 + children;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;

/**
 * When each click happened: this bench's own connection hears the X server's XInput 2 raw
 * presses, which the server sends the moment it reads the click (unlike XRecord's data, held
 * until some client has output). Raw `x11`, so the file needs nothing of the engine for it.
 */
async function watchClickTimes(display: string): Promise<{ times: number[]; close(): void }> {
  const x11 = (await import('x11')) as unknown as { createClient: (o: object, cb: (err: Error | null, d: BenchDisplay) => void) => void };
  const d = await new Promise<BenchDisplay>((resolve, reject) => x11.createClient({ display }, (err, disp) => (err ? reject(err) : resolve(disp))));
  const xi = await new Promise<{ AllMasterDevices: number; XISelectEvents(w: number, m: object): void }>((resolve, reject) => d.client.require('xinput', (err, ext) => (err ? reject(err) : resolve(ext))));
  const times: number[] = [];
  d.client.on('event', (ev: { name?: string; detail?: number }) => {
    if (ev.name === 'XIRawButtonPress' && ev.detail === 1) times.push(Date.now());
  });
  xi.XISelectEvents(d.screen[0]!.root, { deviceId: xi.AllMasterDevices, mask: ['RawButtonPress'] });
  return { times, close: () => d.client.terminate() };
}
interface BenchDisplay {
  screen: Array<{ root: number }>;
  client: {
    require(ext: string, cb: (err: Error | null, ext: never) => void): void;
    on(e: 'event', f: (ev: { name?: string; detail?: number }) => void): void;
    terminate(): void;
  };
}

/** Median wall and CPU of `runs` sequential calls, and the longest event-loop stall meanwhile. */
async function stage<T>(runs: number, f: () => Promise<T>): Promise<StageFigure & { last: T; stallMs: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  let last!: T;
  let stallMs = 0;
  let tick = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - tick - 5);
    tick = now;
  }, 5);
  for (let i = 0; i < runs; i += 1) {
    const w0 = performance.now();
    const c0 = cpuMs();
    last = await f();
    walls.push(performance.now() - w0);
    cpus.push(cpuMs() - c0);
  }
  clearInterval(probe);
  return { wallMs: median(walls), cpuMs: median(cpus), last, stallMs };
}

function xwdGrab(env: NodeJS.ProcessEnv): Promise<RawImage> {
  return new Promise((resolve, reject) => {
    const child = spawn('xwd', ['-root', '-silent'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    const parts: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => parts.push(b));
    child.on('error', reject);
    child.on('close', () => resolve(parseXwd(Buffer.concat(parts))));
  });
}

/** The encoder as it was: the marker SVG as big as the picture, sharp's default JPEG (Huffman pass on). */
async function baselineEncode(raw: RawImage, click: { x: number; y: number }): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width: w, height: h } = raw;
  const r = Math.max(10, Math.round(Math.min(w, h) / 40));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><circle cx="${click.x}" cy="${click.y}" r="${r}" fill="none" stroke="#ffffff" stroke-width="${Math.max(5, r / 3)}"/><circle cx="${click.x}" cy="${click.y}" r="${r}" fill="none" stroke="#e0201b" stroke-width="${Math.max(3, r / 5)}"/><circle cx="${click.x}" cy="${click.y}" r="3" fill="#e0201b" stroke="#ffffff" stroke-width="1"/></svg>`;
  return sharp(raw.rgb, { raw: { width: w, height: h, channels: 3 } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .jpeg({ quality: 70 })
    .toBuffer();
}

export async function benchRecord(clicks = 10, stageRuns = 9): Promise<RecordBench> {
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise<string>((resolve) => xvfb.stdout!.once('data', (d: Buffer) => resolve(`:${d.toString().trim()}`)));
  // The input hook opens this process's display.
  process.env.DISPLAY = display;
  const env = { ...process.env, DISPLAY: display };
  const apps = [spawn('xclock', ['-geometry', '300x300+100+100', '-update', '1'], { env, stdio: 'ignore' }), spawn('xlogo', ['-geometry', '500x400+600+200'], { env, stdio: 'ignore' })];
  const dir = mkdtempSync(join(os.tmpdir(), 'record-bench-'));
  try {
    await sleep(1500);
    await loadSharp();
    // 1. Stages, baseline first, on the same screen.
    const screen = await X11Screen.open(display);
    const grabBaseline = await stage(stageRuns, () => xwdGrab(env));
    const grab = await stage(stageRuns, () => screen.grab());
    screen.close();
    const click = { x: 200, y: 250 };
    const pixels: Grab = { raw: grab.last };
    const encodeBaseline = await stage(stageRuns, () => baselineEncode(grab.last, click));
    const encode = await stage(stageRuns, () => encodeStepPicture(pixels, click, NORMAL_ENCODING));
    let n = 0;
    const write = await stage(stageRuns, () => savePicture(join(dir, `stage-${(n += 1)}.jpg`), encode.last));

    // 2 and 3: the recorder itself.
    const steps: Array<{ at: number; captureMs: number; stages: { grab: number; encode: number; write: number } }> = [];
    const rec = await Recorder.start({
      ticket: '1',
      dir: join(dir, 'rec'),
      policy: PolicySchema.parse({}),
      platform: 'linux',
      env,
      pictures: true,
      onStep: (s) => s.captureMs !== undefined && s.stagesMs && steps.push({ at: Date.parse(s.at), captureMs: s.captureMs, stages: s.stagesMs }),
    });
    const unwatch = watchStopRequest(join(dir, 'rec'), () => {});
    await sleep(3000); // the first network reading and the timers settle
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(10_000);
    const c1 = process.cpuUsage(c0);
    const idleCorePercent = ((c1.user + c1.system) / 1000 / (performance.now() - t0)) * 100;
    const clicksSeen = await watchClickTimes(display);
    // One xdotool for all the clicks (a chain of commands with sleeps between), started a second
    // before the first: a person's click starts no process, and an xdotool started at each
    // click (X connection, XTest) competed with the picture for the X server and the CPU.
    const chain = ['sleep', '1'];
    for (let i = 0; i < clicks; i += 1) chain.push('mousemove', String(150 + i * 10), '250', 'click', '1', 'sleep', '1');
    const cpu0 = cpuMs();
    // Asynchronously: a blocked event loop would delay the hook's events and hide the cost.
    await new Promise((resolve) => spawn('xdotool', chain, { env, stdio: 'ignore' }).on('exit', resolve));
    await sleep(2500);
    const cpuPerClickMs = (cpuMs() - cpu0) / clicks;
    unwatch();
    await rec.stop();
    clicksSeen.close();
    steps.sort((a, b) => a.at - b.at);
    // Each step belongs to the last click the X server reported before the recorder saw it.
    const rows = steps.flatMap((s) => {
      const click = [...clicksSeen.times].reverse().find((t) => t <= s.at + 5);
      if (click === undefined) return [];
      const seen = Math.max(0, s.at - click);
      const total = seen + s.captureMs;
      return [{ total, seen, ...s.stages, queued: Math.max(0, s.captureMs - s.stages.grab - s.stages.encode - s.stages.write) }];
    });
    const clickToDiskMs = rows.map((r) => r.total);
    const med = (k: keyof ClickStages) => median(rows.map((r) => r[k]));
    return {
      idleCorePercent,
      clicks: rows.length,
      clickToDiskMs,
      medianMs: median(clickToDiskMs),
      p95Ms: p95(clickToDiskMs),
      worstMs: Math.max(...clickToDiskMs),
      clickStages: { seen: med('seen'), grab: med('grab'), queued: med('queued'), encode: med('encode'), write: med('write') },
      cpuPerClickMs,
      stages: { grab, grabBaseline, encode, encodeBaseline, write },
      stallMs: { x11: grab.stallMs, xwd: grabBaseline.stallMs },
      jpegBytes: { now: encode.last.length, baseline: encodeBaseline.last.length },
      load: os.loadavg()[0]!,
    };
  } finally {
    for (const a of apps) a.kill();
    rmSync(dir, { recursive: true, force: true });
    // The hook keeps its X connection after stop, and Xlib ends a process whose server goes
    // away: the X server stops when this process does.
    process.once('exit', () => xvfb.kill());
  }
}

export function recordRows(r: RecordBench): Array<[string, string, string]> {
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
  const fig = (s: StageFigure) => `${s.wallMs.toFixed(0)} ms wall, ${s.cpuMs.toFixed(0)} ms CPU`;
  const ratio = (now: StageFigure, before: StageFigure) => `CPU ${(now.cpuMs / Math.max(1, before.cpuMs)).toFixed(2)}× the baseline`;
  return [
    ['record: grab (in-process X11 GetImage)', `${fig(r.stages.grab)}; baseline xwd ${fig(r.stages.grabBaseline)} (child included); longest event-loop stall ${r.stallMs.x11.toFixed(0)} ms (xwd ${r.stallMs.xwd.toFixed(0)} ms)`, ratio(r.stages.grab, r.stages.grabBaseline)],
    ['record: encode (marker + JPEG q70, 1280 px)', `${fig(r.stages.encode)}, ${r.jpegBytes.now} bytes; baseline (full-size SVG, Huffman pass) ${fig(r.stages.encodeBaseline)}, ${r.jpegBytes.baseline} bytes`, ratio(r.stages.encode, r.stages.encodeBaseline)],
    ['record: write (one writeFile)', fig(r.stages.write), ''],
    ['record: CPU while idle between clicks', `${r.idleCorePercent.toFixed(2)} % of one core (hook, log tail 1 s, network 5 s, stop watch 0.5 s)`, `<= 5 %: ${verdict(r.idleCorePercent <= 5)}`],
    [
      'record: click → picture on disk',
      `median ${r.medianMs} ms, p95 ${r.p95Ms} ms, worst ${r.worstMs} ms over ${r.clicks} clicks; stages (medians): seen ${r.clickStages.seen}, grab ${r.clickStages.grab}, queued ${r.clickStages.queued}, encode ${r.clickStages.encode}, write ${r.clickStages.write} ms; CPU ${r.cpuPerClickMs.toFixed(0)} ms per click; 1280×800; load average ${r.load.toFixed(1)}`,
      `<= 300 ms: ${verdict(r.medianMs <= 300)}`,
    ],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchRecord(Number(process.env.RECORD_CLICKS ?? 10));
  for (const [a, b, c] of recordRows(r)) console.log(`${a}  ${b}  ${c}`);
  if (process.env.RECORD_JSON) console.log(JSON.stringify({ clickToDiskMs: r.clickToDiskMs, stages: r.clickStages, load: r.load }));
  process.exit(0);
}
