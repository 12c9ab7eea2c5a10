/**
 * The recording as a collector: once the user stopped, the one workflow runs as for `collect`,
 * with this collector beside the others, so the recording's entries are redacted, archived,
 * counted in the manifest and leak-checked like every item. It adds 复现录制/ — the steps page
 * (操作步骤.html, its pictures inlined), the steps as a dated log (录制记录.txt: what the incident
 * timeline reads, so the steps sit among the log lines), recording.json, and the lines the logs
 * gained while recording (新增日志/).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import type { Collector } from '../collectors/types.js';
import { stepAction, renderStepsHtml } from './steps-html.js';
import type { Recording } from './types.js';

export const RECORDING_COLLECTOR_ID = 'recording';

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

/** A collector that archives the recording in `dir` (its recording.json already read as `rec`). */
export function recordingCollector(rec: Recording, dir: string): Collector {
  return {
    id: RECORDING_COLLECTOR_ID,
    category: 'recording',
    title: { 'zh-CN': '复现录制', en: 'Recording' },
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 60_000,
    // The pictures were taken under the screenshot's consent at Start; nothing more is taken here.
    sensitive: false,
    describe: () => [`the recording in ${dir}: ${rec.steps.length} steps, ${rec.steps.filter((s) => s.image).length} pictures, ${rec.logs.length} logs' new lines`],
    async run(ctx) {
      const lang = ctx.lang;
      const newLines = standardName('recordingNewLines', lang);
      const logNames = new Map(rec.logs.map((l) => [l.file, `${newLines}${l.file}`]));
      // Read into memory (bounded by the recorder's caps): the recording lies in diagcollect's own
      // data folder, which addFile never takes from.
      const pictures = new Map<number, Buffer>();
      for (const s of rec.steps) {
        if (!s.image) continue;
        const data = await readFile(path.join(dir, s.image)).catch(() => undefined);
        if (data) pictures.set(s.n, data);
        else ctx.skip(`step ${s.n}`, 'the picture of this step is missing from the recording folder');
      }
      // The page inlines the pictures (self-contained, like PSR's output): it is rendered from the
      // recording once redacted, never redacted as text. The pictures are in it only, not twice.
      const facts = { rec, logNames: [...logNames] };
      ctx.addRendered?.(standardName('recordingSteps', lang), facts, (r) => Buffer.from(renderStepsHtml(r.rec, lang, new Map(r.logNames), pictures), 'utf8'), 'diagcollect record');
      ctx.addText(standardName('recordingLog', lang), recordingLogText(rec, lang), 'diagcollect record');
      ctx.addJson(standardName('recordingJson', lang), rec, 'diagcollect record');
      for (const l of rec.logs) {
        const data = await readFile(path.join(dir, 'logs', l.file)).catch(() => undefined);
        if (data) ctx.addBuffer(logNames.get(l.file)!, data, l.source, 'text');
        else ctx.skip(l.source, 'the lines this log gained during the recording are missing from the recording folder');
      }
    },
  };
}
