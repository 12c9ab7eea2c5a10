import { formatDuration, formatSize } from '../../shared/i18n/format.js';
import { translator, type Translator } from '../../shared/i18n/translate.js';
import type { ProgressEvent } from '../../shared/types.js';
import { runReason } from './collect-output.js';

export interface ProgressReporter {
  onEvent(event: ProgressEvent): void;
  done(): void;
}

/**
 * A one-line progress bar on a terminal; plain lines when output is piped or logged;
 * nothing in --json mode (stdout then carries one JSON document only). `title` names a collector
 * in the user's language (`软件日志`, not `app-logs`); without one the id is shown.
 */
export function createProgressReporter(options: { json: boolean; tty: boolean; out: NodeJS.WritableStream; width?: number; tr?: Translator; title?: (collector: string) => string | undefined }): ProgressReporter {
  if (options.json) return { onEvent: () => {}, done: () => {} };
  const { out, tty } = options;
  const tr = options.tr ?? translator('en');
  const name = (collector: string) => options.title?.(collector) ?? collector;
  const running = new Set<string>();
  let started = 0;
  let finished = 0;
  let items = 0;
  let bytes = 0;
  const t0 = performance.now();
  let lastDraw = 0;

  const draw = (force = false) => {
    const now = performance.now();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    const total = Math.max(started, 1);
    const width = 20;
    const filled = Math.round((finished / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const doing = running.size ? ` · ${[...running].map(name).join(', ')}` : '';
    const line = `${bar} ${tr.t('cli.progress.line', { done: finished, started, items, size: formatSize(bytes, tr.locale), elapsed: formatDuration(now - t0, tr.locale) })}${doing}`;
    out.write(`\r\x1b[2K${line.slice(0, (options.width ?? 120) - 1)}`);
  };

  return {
    onEvent(event) {
      switch (event.type) {
        case 'collector-start':
          started += 1;
          running.add(event.collector);
          if (tty) draw();
          break;
        case 'collector-end': {
          finished += 1;
          running.delete(event.collector);
          if (tty) draw(true);
          else {
            const why = event.error || event.reason ? ` — ${runReason(event, tr)}` : '';
            out.write(`${tr.t('cli.progress.end', { collector: name(event.collector), status: tr.t(`collectorStatus.${event.status}`), duration: formatDuration(event.durationMs, tr.locale) })}${why}\n`);
          }
          break;
        }
        case 'item':
          items = event.totalItems;
          bytes = event.totalBytes;
          if (tty) draw();
          break;
        case 'phase':
          if (!tty && (event.phase === 'archiving' || event.phase === 'finalizing')) out.write(`${tr.t(event.phase === 'archiving' ? 'cli.progress.archiving' : 'cli.progress.finalizing')}\n`);
          if (tty && event.phase === 'finalizing') draw(true);
          break;
      }
    },
    done() {
      if (tty) {
        draw(true);
        out.write('\n');
      }
    },
  };
}
