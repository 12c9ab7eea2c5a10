/** The application menu (electron/main/menu.ts): standard roles, both languages, no reload in production. */
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../electron/main/menu.js';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

describe('menuTemplate', () => {
  it('offers editing (for the form), zoom and quit, and no reload or devtools in production', () => {
    const r = roles(menuTemplate({ platform: 'linux', locale: 'en', devMode: false, appName: 'Diagnostics Collector' }));
    expect(r).toEqual(expect.arrayContaining(['quit', 'undo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'about']));
    expect(r).not.toContain('reload');
    expect(r).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ platform: 'linux', locale: 'en', devMode: true, appName: 'x' }))).toContain('toggleDevTools');
  });

  it('has the macOS app menu first on macOS, and Chinese labels in zh-CN', () => {
    const mac = menuTemplate({ platform: 'darwin', locale: 'zh-CN', devMode: false, appName: 'Diagnostics Collector' });
    expect(mac[0]!.label).toBe('Diagnostics Collector');
    expect(mac.map((m) => m.label)).toContain('编辑(&E)');
  });
});
