/**
 * Closing the window while archives wait (electron/engine/close-plan.ts): the decision and the
 * tray's words, on plain Node; Electron main only carries them out.
 */
import { describe, expect, it } from 'vitest';
import { closeAction, closeQuestion, trayNext, trayView } from '../../../electron/engine/close-plan.js';

describe('closing the window', () => {
  it('closes when nothing waits, or when the user already chose to', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      expect(closeAction({ platform, waiting: 0, confirmed: false })).toBe('close');
      expect(closeAction({ platform, waiting: 2, confirmed: true })).toBe('close');
    }
  });

  it('keeps a tray icon on Windows and macOS while jobs remain, and asks on Linux', () => {
    expect(closeAction({ platform: 'win32', waiting: 1, confirmed: false })).toBe('tray');
    expect(closeAction({ platform: 'darwin', waiting: 3, confirmed: false })).toBe('tray');
    expect(closeAction({ platform: 'linux', waiting: 1, confirmed: false })).toBe('ask');
  });

  it('quits from the tray once the last job is gone, and does nothing while the window is open', () => {
    expect(trayNext({ inTray: true, waiting: 1 })).toBe('keep');
    expect(trayNext({ inTray: true, waiting: 0 })).toBe('quit');
    expect(trayNext({ inTray: false, waiting: 0 })).toBe('none');
    expect(trayNext({ inTray: false, waiting: 4 })).toBe('none');
  });
});

describe('what the tray says', () => {
  it('counts the waiting archives in the tooltip and the menu, in the UI language', () => {
    const zh = trayView(1, 'zh-CN');
    expect(zh.tooltip).toBe('诊断信息收集 — 1 个诊断包等待上传');
    expect(zh.items).toEqual([
      { id: 'status', label: '1 个诊断包等待上传', enabled: false },
      { id: 'open', label: '打开诊断信息收集', enabled: true },
      { id: 'quit', label: '退出（下次打开时继续发送）', enabled: true },
    ]);
    expect(zh.notice.body).toContain('1 个诊断包');
    const en = trayView(2, 'en');
    expect(en.items[0]!.label).toBe('2 archives waiting to upload');
    expect(trayView(1, 'en').items[0]!.label).toBe('1 archive waiting to upload');
    expect(en.notice.body).toBe('It quits by itself once 2 archives are sent.');
  });

  it('asks on Linux with the count, "keep open" being the default and the cancel', () => {
    const q = closeQuestion(2, 'en');
    expect(q.message).toBe('2 archives are still waiting to upload.');
    expect(q.buttons).toEqual(['Close', 'Keep open']);
    expect([q.defaultId, q.cancelId]).toEqual([1, 1]);
  });
});
