/**
 * The application menu as data: standard roles only (Edit for text fields and the clipboard,
 * View for zoom, Window, Help/About), labels in the UI language. Reload and the developer tools
 * only in development: a reload would lose a running collection's progress view.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { UiLocale } from '../../shared/api.js';

export function menuTemplate(options: { platform: NodeJS.Platform; locale: UiLocale; devMode: boolean; appName: string }): MenuItemConstructorOptions[] {
  const zh = options.locale === 'zh-CN';
  const L = (zhText: string, en: string) => (zh ? zhText : en);
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  } else {
    template.push({ label: L('文件(&F)', '&File'), submenu: [{ role: 'quit', label: L('退出', 'Quit') }] });
  }
  template.push({
    label: L('编辑(&E)', '&Edit'),
    submenu: [
      { role: 'undo', label: L('撤销', 'Undo') },
      { role: 'redo', label: L('重做', 'Redo') },
      { type: 'separator' },
      { role: 'cut', label: L('剪切', 'Cut') },
      { role: 'copy', label: L('复制', 'Copy') },
      { role: 'paste', label: L('粘贴', 'Paste') },
      { role: 'selectAll', label: L('全选', 'Select All') },
    ],
  });
  template.push({
    label: L('视图(&V)', '&View'),
    submenu: [
      { role: 'resetZoom', label: L('实际大小', 'Actual Size') },
      { role: 'zoomIn', label: L('放大', 'Zoom In') },
      { role: 'zoomOut', label: L('缩小', 'Zoom Out') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: L('全屏', 'Full Screen') },
      ...(options.devMode ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
    ],
  });
  template.push({ label: L('窗口(&W)', '&Window'), submenu: [{ role: 'minimize', label: L('最小化', 'Minimize') }, ...(mac ? [{ role: 'zoom' } as const] : []), { role: 'close', label: L('关闭', 'Close') }] });
  template.push({ role: 'help', label: L('帮助(&H)', '&Help'), submenu: [{ role: 'about', label: L(`关于 ${options.appName}`, `About ${options.appName}`) }] });
  return template;
}
