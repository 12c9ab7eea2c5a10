import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n/translate.js';
import { createProgressReporter } from '../../../electron/cli/progress.js';
import { collectorTitle } from '../../../electron/engine/collectors/index.js';

function printed(locale: 'zh-CN' | 'en', tty: boolean): string {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  const tr = translator(locale);
  const progress = createProgressReporter({ json: false, tty, out, tr, title: (id) => collectorTitle(id, tr.locale) });
  progress.onEvent({ type: 'collector-start', collector: 'app-logs' });
  progress.onEvent({ type: 'collector-start', collector: 'plugin-x' });
  progress.onEvent({ type: 'collector-end', collector: 'app-logs', status: 'ok', durationMs: 1200 });
  progress.onEvent({ type: 'collector-end', collector: 'plugin-x', status: 'ok', durationMs: 5 });
  progress.done();
  return text;
}

describe('CLI progress lines', () => {
  it('name each collector in the user language, not by its id (the id only when it has no title)', () => {
    const zh = printed('zh-CN', false);
    expect(zh).toContain('软件日志：完成');
    expect(zh).not.toContain('app-logs');
    expect(zh).toContain('plugin-x：完成');
    expect(printed('en', false)).toContain('Application logs: ok');
  });

  it('show the running collectors by title on a terminal too', () => {
    const zh = printed('zh-CN', true);
    expect(zh).toContain('软件日志');
    expect(zh).not.toContain('app-logs');
  });
});
