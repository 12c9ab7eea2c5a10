/**
 * The recording as collectors: once the user stopped, the one workflow runs as for `collect`,
 * with these beside the others, so the recording's entries are redacted, archived, counted in
 * the manifest and leak-checked like every item. They add 复现录制/ — the steps page
 * (操作步骤.html), the steps as a dated log (录制记录.txt: what the incident timeline reads, so
 * the steps sit among the log lines), recording.json and the lines the logs gained while
 * recording (新增日志/); and, as a collector of their own, the step pictures. The pictures are
 * screenshots: sensitive, in the screenshot category, so the planner gives them the single
 * screenshot's consent and policy gate, the preview (`--dry-run`, the Review screen) lists
 * them as sensitive entries with their sizes, and `--no-screenshot` (or the Review checkbox)
 * leaves them out.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import type { Collector } from '../collectors/types.js';
import { stepAction, renderStepsHtml, stepImageName } from './steps-html.js';
import type { Recording } from './types.js';

export const RECORDING_COLLECTOR_ID = 'recording';
export const RECORDING_PICTURES_ID = 'recording-pictures';

/**
 * The steps and events as log lines, one per line, each starting with its UTC time: the
 * incident timeline dates them like any ISO 8601 log. A lost network is a WARNING.
 */
export function recordingLogText(rec: Recording, lang: ArchiveLanguage): string {
  const zh = lang === 'zh-CN';
  const lines: Array<[string, string]> = [];
  for (const s of rec.steps) {
    const parts = [`${zh ? '步骤' : 'step'} ${s.n}: ${stepAction(s, lang)}`];
    if (s.window) parts.push(`${zh ? '窗口' : 'window'} "${s.window}"`);
    if (s.note) parts.push(`${zh ? '备注' : 'note'}: ${s.note.replace(/\s*\n\s*/g, ' ')}`);
    lines.push([s.at, `${s.at} ${parts.join(' · ')}`]);
  }
  for (const e of rec.events) lines.push([e.at, `${e.at} ${e.level === 'warning' ? 'WARNING ' : ''}${e.text}`]);
  return `${lines
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([, l]) => l)
    .join('\n')}\n`;
}

/** The pictures of a recording: how many and their bytes (computed once; the CLI and the app show it). */
export function recordingPictureFacts(rec: Recording): { count: number; bytes: number } {
  const taken = rec.steps.filter((s) => s.image);
  return { count: taken.length, bytes: taken.reduce((n, s) => n + (s.imageBytes ?? 0), 0) };
}

/** What the steps page shows when the pictures stay out of the archive (no consent at the archive step). */
function withoutPictures(rec: Recording, why: string): Recording {
  return { ...rec, steps: rec.steps.map(({ image: _image, imageBytes: _bytes, ...s }) => (_image ? { ...s, noImage: why } : s)) };
}

/**
 * The collectors that archive the recording in `dir` (its recording.json already read as `rec`).
 * `pictures`: the user's consent to screenshots at the archive step (the same switch as the
 * single screenshot); without it the steps page says why a step has no picture.
 */
export function recordingCollectors(rec: Recording, dir: string, options: { pictures: boolean }): Collector[] {
  const shown = options.pictures ? rec : withoutPictures(rec, 'left out: no consent to screenshots');
  return [stepsCollector(shown, dir), picturesCollector(rec, dir)];
}

/** Both collectors run everywhere and only read the recording folder. */
const COMMON = { platforms: ['linux', 'win32', 'darwin'], timeoutMs: 60_000 } satisfies Pick<Collector, 'platforms' | 'timeoutMs'>;

function stepsCollector(rec: Recording, dir: string): Collector {
  return {
    id: RECORDING_COLLECTOR_ID,
    category: 'recording',
    title: { 'zh-CN': '复现录制', en: 'Recording' },
    ...COMMON,
    // Steps, notes, window titles and log lines: redacted like every text; the pictures are the next collector.
    sensitive: false,
    describe: () => [`the recording in ${dir}: ${rec.steps.length} steps, ${rec.logs.length} logs' new lines`],
    async run(ctx) {
      const lang = ctx.lang;
      const newLines = standardName('recordingNewLines', lang);
      const logNames = new Map(rec.logs.map((l) => [l.file, `${newLines}${l.file}`]));
      // The page is rendered from the recording once redacted, never redacted as text; it links the
      // pictures, which are the next collector's entries beside it (not stored twice).
      const page = standardName('recordingSteps', lang);
      const facts = { rec, logNames: [...logNames] };
      const render = (r: typeof facts) => Buffer.from(renderStepsHtml(r.rec, lang, new Map(r.logNames), 'linked'), 'utf8');
      if (ctx.addRendered) ctx.addRendered(page, facts, render, 'diagcollect record');
      else ctx.addText(page, render(facts).toString('utf8'), 'diagcollect record');
      ctx.addText(standardName('recordingLog', lang), recordingLogText(rec, lang), 'diagcollect record');
      ctx.addJson(standardName('recordingJson', lang), rec, 'diagcollect record');
      // Read into memory (bounded by the recorder's caps): the recording lies in diagcollect's own
      // data folder, which addFile never takes from.
      for (const l of rec.logs) {
        const data = await readFile(path.join(dir, 'logs', l.file)).catch(() => undefined);
        if (data) ctx.addBuffer(logNames.get(l.file)!, data, l.source, 'text');
        else ctx.skip(l.source, 'the lines this log gained during the recording are missing from the recording folder');
      }
    },
  };
}

function picturesCollector(rec: Recording, dir: string): Collector {
  const facts = recordingPictureFacts(rec);
  return {
    id: RECORDING_PICTURES_ID,
    category: 'screenshot',
    title: { 'zh-CN': '复现录制截图', en: 'Recording pictures' },
    ...COMMON,
    // Screenshots of the user's desktop: only with the same consent as the single screenshot.
    sensitive: true,
    describe: () => [`${facts.count} step pictures (${facts.bytes} bytes) of the recording in ${dir}`],
    async run(ctx) {
      const folder = standardName('recordingDir', ctx.lang);
      for (const s of rec.steps) {
        if (!s.image) continue;
        const data = await readFile(path.join(dir, s.image)).catch(() => undefined);
        if (data) ctx.addBuffer(`${folder}${stepImageName(s.n, ctx.lang)}`, data, `diagcollect record: step ${s.n}`, 'binary');
        else ctx.skip(`step ${s.n}`, 'the picture of this step is missing from the recording folder');
      }
    },
  };
}
