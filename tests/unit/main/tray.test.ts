/**
 * electron/main/tray.ts with the stand-in electron module: the window hides into the tray, the
 * tray shows the engine's count and menu (close-plan.ts), "open" brings the window back, and the
 * app quits once nothing waits any more.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/fake-electron.js'));

const { createTrayKeeper } = await import('../../../electron/main/tray.js');
const fake = await import('./support/fake-electron.js');

describe('the tray keeper', () => {
  it('hides the window into a tray that counts the jobs, opens it again, and quits when the last job is gone', () => {
    const win = new fake.BrowserWindow({});
    win.show();
    let waiting = 2;
    let quits = 0;
    const keeper = createTrayKeeper({ win: win as never, iconPath: '/app/renderer/dist/tray.png', locale: 'zh-CN', waiting: () => waiting, quit: () => void (quits += 1) });

    keeper.update();
    expect(fake.state.trays).toHaveLength(0);

    keeper.enter();
    expect(win.visible).toBe(false);
    const tray = fake.state.trays.at(-1)!;
    expect(tray.icon).toBe('/app/renderer/dist/tray.png');
    expect(tray.tooltip).toBe('诊断信息收集 — 2 个诊断包等待上传');
    expect(tray.menu!.template.map((i) => [i.label, i.enabled])).toEqual([
      ['2 个诊断包等待上传', false],
      ['打开诊断信息收集', true],
      ['退出（下次打开时继续发送）', true],
    ]);

    waiting = 1;
    keeper.update();
    expect(tray.tooltip).toContain('1 个诊断包');

    // 打开: the window comes back and the tray goes.
    tray.menu!.template[1]!.click();
    expect(win.visible).toBe(true);
    expect(tray.destroyed).toBe(true);
    keeper.update();
    expect(quits).toBe(0);

    // Closed again; the last job is sent: the app quits by itself.
    keeper.enter();
    const second = fake.state.trays.at(-1)!;
    expect(second).not.toBe(tray);
    waiting = 0;
    keeper.update();
    expect(second.destroyed).toBe(true);
    expect(quits).toBe(1);
  });

  it('quits from the tray menu when the user chooses 退出', () => {
    const win = new fake.BrowserWindow({});
    let quits = 0;
    const keeper = createTrayKeeper({ win: win as never, iconPath: 'tray.png', locale: 'en', waiting: () => 1, quit: () => void (quits += 1) });
    keeper.enter();
    const tray = fake.state.trays.at(-1)!;
    expect(tray.menu!.template[2]!.label).toBe('Quit (sending goes on at the next start)');
    tray.menu!.template[2]!.click();
    expect(quits).toBe(1);
  });
});
