import { describe, expect, it } from 'vitest';
import { dataDir, logsDir, outboxDir } from '../../../../electron/engine/platform/app-paths.js';

describe('the app\'s own folders, per OS convention', () => {
  it('logs: %LOCALAPPDATA%\\DiagCollect\\logs, ~/Library/Logs/DiagCollect, $XDG_STATE_HOME/diagcollect or ~/.local/state/diagcollect', () => {
    expect(logsDir({ LOCALAPPDATA: 'C:\\Users\\张三\\AppData\\Local' }, 'win32', 'C:\\Users\\张三')).toBe('C:\\Users\\张三\\AppData\\Local\\DiagCollect\\logs');
    expect(logsDir({}, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Local\\DiagCollect\\logs');
    expect(logsDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Logs/DiagCollect');
    expect(logsDir({ XDG_STATE_HOME: '/home/ann/.state' }, 'linux', '/home/ann')).toBe('/home/ann/.state/diagcollect');
    expect(logsDir({ XDG_STATE_HOME: '' }, 'linux', '/home/ann')).toBe('/home/ann/.local/state/diagcollect');
    expect(logsDir({ DIAGCOLLECT_LOG_DIR: '/srv/logs' }, 'linux', '/home/ann')).toBe('/srv/logs');
  });

  it('data and outbox (unchanged)', () => {
    expect(dataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/DiagCollect');
    expect(dataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.local/share/diagcollect');
    expect(outboxDir('12345', { DIAGCOLLECT_DATA_DIR: '/tmp/d' }, 'linux')).toBe('/tmp/d/outbox/12345');
  });
});
