/**
 * 运行缓慢: the resource sample. Linux runs for real (a 2 s sample from /proc while a real busy
 * process runs); Windows (typeperf CSV, Chinese time-zone header) and macOS (top -l) are parsed
 * from their real output formats.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseDiskstats, parseNetDev, parsePidStat, parseProcStat, sampleProc } from '../../../../electron/engine/collectors/support/proc-sampler.js';
import { darwinSamplePlan, parseTopLog, parseTypeperf, topBytes, windowsSamplePlan } from '../../../../electron/engine/collectors/resource-sample.platforms.js';
import { resourceSampleCollector } from '../../../../electron/engine/collectors/resource-sample.js';
import { parseResourceSample } from '../../../../electron/engine/collectors/support/resource-sample-data.js';
import { renderSummaryHtml } from '../../../../electron/engine/report/summary-html.js';
import { macText, winText } from '../../../helpers/platform-fixtures.js';
import { testManifest } from '../../../helpers/manifest.js';
import { createFakeContext } from './fake-context.js';

describe('/proc parsers', () => {
  it('reads the machine and a process', () => {
    expect(parseProcStat('cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3\n')).toEqual({ busy: 150, total: 1000 });
    expect(parseDiskstats('   8       0 sda 10 0 2048 5 20 0 4096 9 0 0 0\n   8       1 sda1 10 0 2048 5 20 0 4096 9 0 0 0\n   7       0 loop0 1 0 8 0 0 0 0 0 0 0 0\n 259 0 nvme0n1 1 0 8 0 1 0 8 0 0 0 0\n')).toEqual({ read: (2048 + 8) * 512, written: (4096 + 8) * 512 });
    expect(parseNetDev('h1\nh2\n    lo: 100 1 0 0 0 0 0 0 100 1 0 0 0 0 0 0\n  eth0: 2000 5 0 0 0 0 0 0 3000 6 0 0 0 0 0 0\n')).toEqual({ rx: 2000, tx: 3000 });
    expect(parsePidStat('42 (my (odd) name) S 1 42 42 0 -1 0 0 0 0 0 150 50 0 0 20 0 1 0 100 1000 256 0')).toEqual({ name: 'my (odd) name', ticks: 200, rssBytes: 256 * 4096 });
  });

  it('samples this machine once a second; a busy process shows at the top', async () => {
    const busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const sample = await sampleProc(2, new AbortController().signal);
      expect(sample.points).toHaveLength(2);
      for (const p of sample.points) {
        expect(p.cpuPercent).toBeGreaterThan(0);
        expect(p.memUsedPercent).toBeGreaterThan(0);
      }
      const hog = sample.processes.topCpu.find((x) => x.pid === busy.pid);
      expect(hog, JSON.stringify(sample.processes.topCpu)).toBeDefined();
      // The machine may be loaded (other work competes for the cores): some CPU, not a fixed share.
      expect(hog!.avgCpuPercent).toBeGreaterThan(0);
      expect(sample.points.some((p) => p.top.some((t) => t.pid === busy.pid))).toBe(true);
    } finally {
      busy.kill('SIGKILL');
    }
  }, 20_000);

  it('stops early on abort, keeping what it has', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 3000);
    const sample = await sampleProc(30, ac.signal);
    expect(sample.points.length).toBeGreaterThanOrEqual(1);
    expect(sample.points.length).toBeLessThan(10);
  }, 20_000);
});

describe('Windows typeperf and macOS top (contract: their CSV and logging-mode layouts)', () => {
  it('plans one command for the whole window', () => {
    expect(windowsSamplePlan(30).args.slice(-4)).toEqual(['-si', '1', '-sc', '30']);
    expect(darwinSamplePlan(30).args).toEqual(['-l', '31', '-s', '1', '-n', '10', '-o', 'cpu', '-stats', 'pid,command,cpu,mem']);
  });

  it('typeperf: machine figures per second and per-process totals (_Total and Idle left out)', () => {
    const s = parseTypeperf(winText('typeperf-sample.zh-CN.csv'), 4);
    expect(s.points.map((p) => [p.cpuPercent, p.diskReadBps, p.diskWriteBps, p.netRxBps, p.netTxBps])).toEqual([
      [62.5, 0, 524288, 12000, 3400],
      [55, 1048576, 262144, 8000, 2000],
      [0, 0, 0, 0, 0],
    ]);
    expect(s.startedAt).toBe('01/15/2024 09:30:01.123');
    expect(s.processes.topCpu.map((p) => [p.name, p.avgCpuPercent, p.peakCpuPercent])).toEqual([
      ['XXSoftware', 73.3, 95],
      ['msedge', 4.3, 6],
      ['msedge#1', 2.3, 4],
    ]);
    expect(s.processes.topMemory[0]).toEqual({ pid: 0, name: 'XXSoftware', rssBytes: 1075838976 });
  });

  it('top -l: the first sample seeds the differences', () => {
    expect(topBytes('512M')).toBe(512 * 1024 ** 2);
    expect(topBytes('530M+')).toBe(530 * 1024 ** 2);
    const s = parseTopLog(macText('top-l.txt'), 8);
    expect(s.points).toHaveLength(2);
    expect(s.points[0]).toMatchObject({ cpuPercent: 47.9, diskReadBps: 1024 ** 2, diskWriteBps: 1024 ** 2, netRxBps: 1024 ** 2, netTxBps: 0 });
    expect(s.processes.topCpu[0]).toEqual({ pid: 412, name: 'XXSoftware', avgCpuPercent: 41.6, peakCpuPercent: 45.2 });
  });
});

describe('resource-sample collector and its charts', () => {
  it('writes the text and the JSON; the summary page charts it as inline SVG without scripts, in both languages', async () => {
    const ctx = createFakeContext({ lang: 'zh-CN', policy: { triage: { sampleSeconds: 2 } } });
    await resourceSampleCollector.run(ctx);
    expect(await ctx.text('性能采样.txt')).toContain('CPU 占用最高的进程');
    const sample = parseResourceSample(await ctx.text('性能采样.json'));
    expect(sample?.points).toHaveLength(2);
    const zh = renderSummaryHtml({ manifest: testManifest({ intake: { problemType: 'slow' } }), checks: [], sample });
    expect(zh).toContain('运行缓慢：资源采样');
    expect(zh.match(/<svg role="img"/g)).toHaveLength(4);
    expect(zh).toMatch(/<desc id="s-cpu-d">CPU 使用率：最低 \d+%，最高 \d+%，平均 \d+%<\/desc>/);
    expect(zh).not.toMatch(/<script/i);
    const en = renderSummaryHtml({ manifest: { ...testManifest(), archiveLanguage: 'en' }, checks: [], sample });
    expect(en).toContain('Running slowly: resource sample');
    expect(en).toMatch(/Network received and sent: lowest/);
    expect(renderSummaryHtml({ manifest: testManifest(), checks: [] })).not.toContain('sample-chart');
  }, 20_000);
});
