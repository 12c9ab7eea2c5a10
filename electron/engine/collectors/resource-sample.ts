/**
 * 性能采样 (running slowly: "close background programs"): CPU, memory, disk and network of the
 * machine and the top consumers among its processes, once a second for policy
 * `triage.sampleSeconds` (30 s by default). Linux reads /proc in-process (support/proc-sampler.ts:
 * no process per sample, a fraction of a percent of one core); Windows runs one `typeperf` and
 * macOS one `top -l` for the whole window. The JSON entry feeds the summary page's charts.
 */
import os from 'node:os';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { forProblemTypes } from './support/gates.js';
import { describePlan } from './support/plan.js';
import { sampleProc } from './support/proc-sampler.js';
import type { ResourceSample } from './support/resource-sample-data.js';
import { commandLine, failureOf, tryExec } from './support/run.js';
import { documentTitle, formatBytes, formatTable, heading, tr } from './support/text.js';
import { darwinSamplePlan, parseTopLog, parseTypeperf, windowsSamplePlan } from './resource-sample.platforms.js';
import { windowsCommandLine } from './support/windows-run.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';
import { TOOL_VERSION } from '../version.js';

export function samplePlan(platform: Platform, seconds: number): PlannedCommand[] {
  if (platform === 'win32') return [windowsSamplePlan(seconds)];
  if (platform === 'darwin') return [darwinSamplePlan(seconds)];
  return [];
}

async function commandSample(ctx: CollectorContext, seconds: number): Promise<ResourceSample | undefined> {
  const [cmd] = samplePlan(ctx.platform, seconds);
  const source = ctx.platform === 'win32' ? windowsCommandLine(cmd!.command, cmd!.args) : commandLine(cmd!.command, cmd!.args);
  const r = await tryExec(ctx, cmd!.command, cmd!.args, { timeoutMs: (seconds + 15) * 1000, maxBytes: 64 * 1024 * 1024, keep: 'head', source });
  if (!r) return undefined;
  const failure = failureOf(r);
  if (failure) {
    ctx.skip(source, failure);
    return undefined;
  }
  const text = r.stdout.toString('utf8');
  return ctx.platform === 'win32' ? parseTypeperf(text, os.cpus().length) : parseTopLog(text, os.cpus().length);
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** The sample as the text entry: machine figures per second, then the top consumers. */
export function formatSample(sample: ResourceSample, lang: 'zh-CN' | 'en'): string {
  const L = (zh: string, en: string) => tr(lang, zh, en);
  const p = sample.points;
  const line = (label: string, xs: number[], fmt: (n: number) => string) => [label, fmt(Math.min(...xs)), fmt(avg(xs)), fmt(Math.max(...xs))];
  const pct = (n: number) => `${n.toFixed(1)}%`;
  const rate = (n: number) => `${formatBytes(Math.round(n))}/s`;
  let text = `${documentTitle(L('性能采样', 'Resource sample'), TOOL_VERSION)}`;
  text += `${L('来源', 'Source')}: ${sample.source}    ${L('开始', 'Started')}: ${sample.startedAt}    ${L('样本', 'Samples')}: ${p.length} × ${sample.intervalMs / 1000} s    ${L('CPU 核数', 'Cores')}: ${sample.cores}\n\n`;
  if (p.length) {
    text += `${heading(L('整机', 'Machine'), 2)}${formatTable([L('指标', 'Metric'), L('最低', 'Min'), L('平均', 'Average'), L('最高', 'Max')], [
      line(L('CPU 使用率', 'CPU'), p.map((x) => x.cpuPercent), pct),
      line(L('内存使用率', 'Memory used'), p.map((x) => x.memUsedPercent), pct),
      line(L('磁盘读取', 'Disk read'), p.map((x) => x.diskReadBps), rate),
      line(L('磁盘写入', 'Disk write'), p.map((x) => x.diskWriteBps), rate),
      line(L('网络接收', 'Network received'), p.map((x) => x.netRxBps), rate),
      line(L('网络发送', 'Network sent'), p.map((x) => x.netTxBps), rate),
    ], { right: [1, 2, 3] })}\n`;
  }
  const pr = sample.processes;
  text += `${heading(L('CPU 占用最高的进程（采样期间平均，100% = 一个核）', 'Top processes by CPU (average over the sample, 100% = one core)'), 2)}${formatTable(['PID', L('进程', 'Process'), L('平均', 'Average'), L('峰值', 'Peak')], pr.topCpu.map((x) => [String(x.pid || ''), x.name, pct(x.avgCpuPercent), pct(x.peakCpuPercent)]), { right: [0, 2, 3], empty: L('（无）', '(none)') })}\n`;
  text += `${heading(L('内存占用最高的进程', 'Top processes by memory'), 2)}${formatTable(['PID', L('进程', 'Process'), L('内存', 'Memory')], pr.topMemory.map((x) => [String(x.pid || ''), x.name, formatBytes(x.rssBytes)]), { right: [0, 2] })}\n`;
  text += `${heading(L('磁盘读写最多的进程', 'Top processes by disk reads and writes'), 2)}${formatTable(['PID', L('进程', 'Process'), L('读取', 'Read'), L('写入', 'Written')], pr.topIo.map((x) => [String(x.pid || ''), x.name, formatBytes(x.readBytes), formatBytes(x.writeBytes)]), { right: [0, 2, 3], empty: L('（无，或无权读取其他用户进程的 I/O）', '(none, or no right to read other users\' process I/O)') })}\n`;
  text += `${heading(L('每秒 CPU 占用最高的进程', 'Top CPU consumers, second by second'), 2)}${p.map((x) => `${x.t.toFixed(1).padStart(5)} s  ${x.cpuPercent.toFixed(1).padStart(5)}%  ${x.top.map((t) => `${t.name}${t.pid ? `[${t.pid}]` : ''} ${t.cpuPercent}%`).join(', ')}`).join('\n')}\n`;
  if (!sample.perProcessNetwork) text += `\n${L('网络为整机合计：系统不按进程记录网络流量。', 'Network figures are the machine\'s total: the system keeps no per-process network bytes.')}\n`;
  return text;
}

export const resourceSampleCollector: Collector = {
  id: 'resource-sample',
  category: 'processes',
  title: { 'zh-CN': '性能采样', en: 'Resource sample' },
  platforms: ['linux', 'win32', 'darwin'],
  // triage.sampleSeconds is at most 90 s.
  timeoutMs: 110_000,
  sensitive: false,
  gate: forProblemTypes('slow'),

  describe(platform: Platform, policy: Policy): string[] {
    const s = policy.triage.sampleSeconds;
    if (platform === 'linux') return [`/proc/stat, /proc/meminfo, /proc/diskstats, /proc/net/dev and /proc/<pid>/stat, io: once a second for ${s} s (policy triage.sampleSeconds), read in-process`];
    return describePlan(platform, samplePlan(platform, s));
  },

  plan: (platform, policy) => samplePlan(platform, policy.triage.sampleSeconds),

  async run(ctx) {
    const seconds = ctx.policy.triage.sampleSeconds;
    const sample = ctx.platform === 'linux' ? await sampleProc(seconds, ctx.signal) : await commandSample(ctx, seconds);
    if (!sample) return;
    if (sample.points.length === 0) {
      ctx.warn(`${sample.source}: no sample could be taken`);
      return;
    }
    ctx.addText(ctx.name('resourceSample'), formatSample(sample, ctx.lang), sample.source);
    ctx.addJson(ctx.name('resourceSampleJson'), sample, sample.source);
  },
};
