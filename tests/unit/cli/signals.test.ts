import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { handleInterrupts } from '../../../electron/cli/signals.js';
import { exec } from '../../../electron/engine/platform/exec.js';

describe('CLI interrupts', () => {
  it('the first Ctrl-C cancels (aborts) and says so; a second kills what runs and exits 130', async () => {
    const signals = new EventEmitter();
    const abort = new AbortController();
    const said: string[] = [];
    let exited: number | undefined;
    const exitedOnce = new Promise<void>((resolve) => {
      handleInterrupts({ signals, abort, say: (t) => said.push(t), exit: (code) => ((exited ??= code), resolve()) });
    });
    // A command that would run for a minute, not bound to any signal: only the reaper stops it.
    const running = exec('sh', ['-c', 'sleep 58.9']);
    signals.emit('SIGTERM');
    expect(abort.signal.aborted).toBe(true);
    expect(said.join('')).toMatch(/Cancelling/);
    expect(exited).toBeUndefined();
    signals.emit('SIGINT');
    await exitedOnce;
    expect(exited).toBe(130);
    expect((await running).code).toBeNull();
  });

  it('removes its handlers when the command is over', () => {
    const signals = new EventEmitter();
    const stop = handleInterrupts({ signals, abort: new AbortController() });
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(2);
    stop();
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });
});
