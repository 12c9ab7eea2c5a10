import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { Recorder, RECORDING_FILE } from '../../../../electron/engine/record/recorder.js';
import type { NetworkReaders } from '../../../../electron/engine/record/network-sampler.js';

function network(): NetworkReaders & { lose(): void } {
  let up = true;
  return {
    interfaces: () => ({ eth0: up ? [{ address: '10.0.0.5', netmask: '255.255.255.0', family: 'IPv4', mac: '', internal: false, cidr: '10.0.0.5/24' }] : [] }),
    defaultRoutes: async () => (up ? [{ address: '10.0.0.1', family: 4, interface: 'eth0' }] : []),
    resolve: async () => ['10.1.1.1'],
    proxies: async () => [],
    lose: () => (up = false),
  };
}

const until = async (f: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('Recorder without the input hook and without pictures (real files, real timers)', () => {
  it('takes timed steps, notes, marks, new log lines and network changes between Start and Stop only', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'recorder-'));
    const log = join(dir, 'app.log');
    writeFileSync(log, 'before start\n');
    const net = network();
    const steps: number[] = [];
    const rec = await Recorder.start({
      ticket: '4711',
      dir: join(dir, 'rec'),
      policy: PolicySchema.parse({ appLogPaths: [join(dir, '*.log')], checks: { dnsNames: ['erp.example.com'] } }),
      platform: 'linux',
      env: {},
      pictures: false,
      noPicturesWhy: 'the user chose no screenshots (--no-screenshot)',
      hook: 'off',
      intervalMs: 150,
      networkEveryMs: 100,
      logEveryMs: 50,
      network: net,
      onStep: (s) => steps.push(s.n),
    });
    appendFileSync(log, 'during the recording\n');
    rec.note('  the save button does nothing  ');
    rec.note('   ');
    rec.mark('here');
    net.lose();
    await until(() => steps.length >= 4);
    await new Promise((r) => setTimeout(r, 300));
    const recording = await rec.stop('user');
    const after = rec.stepCount;
    appendFileSync(log, 'after stop\n');
    rec.note('too late');
    await new Promise((r) => setTimeout(r, 400));
    expect(rec.stepCount).toBe(after);

    expect(recording.input).toEqual({ mode: 'interval', intervalSeconds: 0, why: 'the input hook was switched off' });
    expect(recording.steps.some((s) => s.kind === 'note' && s.note === 'the save button does nothing')).toBe(true);
    expect(recording.steps.some((s) => s.kind === 'mark' && s.note === 'here')).toBe(true);
    expect(recording.steps.some((s) => s.kind === 'interval')).toBe(true);
    expect(recording.steps.filter((s) => s.kind !== 'note').every((s) => s.noImage === 'the user chose no screenshots (--no-screenshot)' && !s.image)).toBe(true);
    expect(recording.steps.map((s) => s.n)).toEqual(recording.steps.map((_, i) => i + 1));
    expect(recording.events.filter((e) => e.kind === 'network' && e.level === 'warning').map((e) => e.text)).toContain('network: default route changed: 10.0.0.1 via eth0 → none');
    const tailed = recording.logs.find((l) => l.source === log)!;
    expect(readFileSync(join(dir, 'rec', 'logs', tailed.file), 'utf8')).toBe('during the recording\n');
    expect(JSON.parse(readFileSync(join(dir, 'rec', RECORDING_FILE), 'utf8'))).toEqual(recording);
    expect(recording.events.at(-1)!.kind).toBe('stop');
  });

  it('stops by itself at the time limit', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'recorder-'));
    const rec = await Recorder.start({ ticket: '1', dir, policy: PolicySchema.parse({}), platform: 'linux', env: {}, pictures: false, hook: 'off', limitMs: 200, network: network() });
    expect(await rec.limitReached).toBe('time-limit');
    expect((await rec.stop('time-limit')).stopReason).toBe('time-limit');
  });

  it('the hook cannot run without a display: it says why and uses timed pictures', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'recorder-'));
    const rec = await Recorder.start({ ticket: '1', dir, policy: PolicySchema.parse({}), platform: 'linux', env: {}, pictures: true, network: network() });
    const r = await rec.stop();
    expect(r.input).toEqual({ mode: 'interval', intervalSeconds: 10, why: 'no X display (DISPLAY is unset)' });
  });
});
