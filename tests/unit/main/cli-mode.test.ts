import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../../electron/main/cli-mode.js';

describe('installed app as the command line', () => {
  it('hands CLI commands to the CLI, packaged and in development', () => {
    expect(cliArguments(['C:\\Program Files\\Diagnostics Collector\\Diagnostics Collector.exe', 'collect', '--ticket', '12345', '--silent', '--json'], false)).toEqual([
      'collect',
      '--ticket',
      '12345',
      '--silent',
      '--json',
    ]);
    expect(cliArguments(['/usr/bin/electron', '.', 'list', '--platform', 'win32'], true)).toEqual(['list', '--platform', 'win32']);
    expect(cliArguments(['/opt/app/diagcollect', '--version'], false)).toEqual(['--version']);
  });

  it('opens the window for a normal start and for deep links', () => {
    expect(cliArguments(['/opt/app/diagcollect'], false)).toBeUndefined();
    expect(cliArguments(['/opt/app/diagcollect', 'diagcollect://collect?ticket=1'], false)).toBeUndefined();
    expect(cliArguments(['/usr/bin/electron', '.'], true)).toBeUndefined();
    expect(cliArguments(['/usr/bin/electron', '.', '--inspect'], true)).toBeUndefined();
  });
});
