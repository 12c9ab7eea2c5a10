import { describe, expect, it } from 'vitest';
import { errorMessages, isErrorLine, normaliseMessage } from '../../../../electron/engine/compare/log-messages.js';

async function* lines(...l: string[]) {
  yield* l;
}

describe('error lines by normalised message', () => {
  it('the same error at another time, pid or counter is one message', () => {
    const a = normaliseMessage('2026-12-05T04:34:36+0000 pc-01 NetworkManager[812]: <error> [1733370000.1234] dhcp4 (eth0): request timed out after 45 s', 'pc-01');
    const b = normaliseMessage('2026-12-05T09:01:02+0000 pc-01 NetworkManager[990]: <error> [1733388000.9876] dhcp4 (eth0): request timed out after 45 s', 'pc-01');
    expect(a).toBe(b);
    expect(a).toBe('NetworkManager[#]: <error> [#.#] dhcp# (eth#): request timed out after # s');
    expect(normaliseMessage('Dec  5 07:03:06 pc-01 app: failed 0xdeadbeef id 123e4567-e89b-12d3-a456-426614174000', 'pc-01')).toBe('app: failed <hex> id <uuid>');
    expect(normaliseMessage('[   12.345678] usb 1-1: device descriptor read/64, error -71')).toBe('usb #-#: device descriptor read/#, error -#');
  });

  it('picks error lines in English and Chinese, not ordinary ones', () => {
    expect(isErrorLine('kernel: EXT4-fs error (device vda)')).toBe(true);
    expect(isErrorLine('软件启动失败：配置文件损坏')).toBe(true);
    expect(isErrorLine('systemd[1]: Started Daily apt upgrade.')).toBe(false);
    expect(isErrorLine('terror of the deep')).toBe(false);
  });

  it('counts messages per source', async () => {
    const counts = await errorMessages(lines('a: failed 1', 'a: failed 2', 'b: fine', 'c: fatal 7'));
    expect([...counts]).toEqual([
      ['a: failed #', 2],
      ['c: fatal #', 1],
    ]);
  });
});
