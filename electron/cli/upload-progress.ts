import { formatDuration, formatSize } from '../../shared/i18n/format.js';
import { translator, type Translator } from '../../shared/i18n/translate.js';
import type { NetworkCause, UploadErrorKind } from '../../shared/reasons.js';

/** An outbox run's steps, as much of them as the bar shows (an outbox RunEvent or a workflow event). */
export type UploadProgressEvent =
  | { type: 'attempt'; job: { attempts: number } }
  | { type: 'retry-scheduled'; job: { attempts: number; destination: { target: string } }; delayMs: number; error: { message: string; kind?: UploadErrorKind; networkCause?: NetworkCause } }
  | { type: 'done' | 'failed' | 'cancelled'; job: { attempts: number } };

export interface UploadProgress {
  onProgress(sent: number, total: number): void;
  onEvent(event: UploadProgressEvent): void;
  done(): void;
}


/**
 * Upload progress: a one-line bar with speed on a terminal, a line per quarter when piped,
 * nothing with --json. Retries and their reasons are always told (stderr), except with --json.
 */
export function createUploadProgress(options: { json: boolean; tty: boolean; out: NodeJS.WritableStream; label: string; width?: number; tr?: Translator }): UploadProgress {
  const tr = options.tr ?? translator('en');
  const size = (n: number) => formatSize(n, tr.locale);
  if (options.json) return { onProgress: () => {}, onEvent: () => {}, done: () => {} };
  const { out, tty, label } = options;
  let t0 = performance.now();
  let lastDraw = 0;
  let lastQuarter = -1;
  let drawn = false;

  const clear = () => {
    if (tty && drawn) out.write('\r\x1b[2K');
    drawn = false;
  };

  return {
    onProgress(sent, total) {
      const now = performance.now();
      if (sent === 0) t0 = now;
      const pct = total > 0 ? sent / total : 1;
      if (tty) {
        if (now - lastDraw < 100 && sent < total) return;
        lastDraw = now;
        const width = 20;
        const filled = Math.round(pct * width);
        const secs = (now - t0) / 1000;
        const speed = secs > 0.2 ? ` · ${size(sent / secs)}/s` : '';
        const line = `${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.floor(pct * 100)}% · ${size(sent)}/${size(total)}${speed}`;
        out.write(`\r\x1b[2K${line.slice(0, (options.width ?? 120) - 1)}`);
        drawn = true;
      } else {
        const quarter = Math.floor(pct * 4);
        if (quarter > lastQuarter) {
          lastQuarter = quarter;
          out.write(`${label}: ${quarter * 25}% (${size(sent)}/${size(total)})\n`);
        }
      }
    },
    onEvent(event) {
      switch (event.type) {
        case 'attempt':
          lastQuarter = -1;
          if (event.job.attempts > 1) {
            clear();
            out.write(`${tr.t('cli.upload.attempt', { label, n: event.job.attempts })}\n`);
          }
          break;
        case 'retry-scheduled':
          clear();
          out.write(`${tr.t('cli.upload.retryIn', { label, reason: tr.locale === 'en' || !event.error.kind ? event.error.message : tr.uploadProblem({ kind: event.error.kind, cause: event.error.networkCause }, { target: event.job.destination.target }), duration: formatDuration(event.delayMs, tr.locale) })}\n`);
          break;
        case 'failed':
        case 'cancelled':
        case 'done':
          clear();
          break;
      }
    },
    done() {
      clear();
    },
  };
}
