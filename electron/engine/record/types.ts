/**
 * What a recording (复现录制) is made of: numbered steps (a click, a mark, a picture taken on a
 * timer when there is no input hook, a note) and the events around them (network changes, the
 * start and the stop). Kept on disk as `recording.json` in the recording's folder; the
 * collector built from it (recording-collector.ts) turns it into the archive's entries.
 */

export type StepKind = 'click' | 'mark' | 'interval' | 'note';

export interface RecordedStep {
  /** 1, 2, 3 … in time order. */
  n: number;
  kind: StepKind;
  /** UTC, ISO 8601 with milliseconds. */
  at: string;
  /** Screen position of the click (physical pixels of the captured desktop). */
  x?: number;
  y?: number;
  /** 1 left, 2 right, 3 middle (uiohook's numbering). */
  button?: number;
  /** The foreground window's title when the step happened (redacted when archived). */
  window?: string;
  /** The user's note (a mark with text, or a note step). */
  note?: string;
  /** The picture's file name in the recording folder, when one was taken. */
  image?: string;
  imageBytes?: number;
  /** Why there is no picture (no consent, the size cap, no display …). */
  noImage?: string;
  /** Milliseconds from the input to the picture on disk. */
  captureMs?: number;
  /** Where those went (wall ms): grabbing the screen, encoding the JPEG, writing the file. */
  stagesMs?: { grab: number; encode: number; write: number };
}

export type RecordingEventKind = 'start' | 'stop' | 'network' | 'log-source' | 'problem';

export interface RecordingEvent {
  at: string;
  kind: RecordingEventKind;
  text: string;
  /** A network loss or a failing source stands out on the timeline. */
  level?: 'warning' | 'info';
}

/** How the recording ended. */
export type StopReason = 'user' | 'time-limit' | 'control' | 'cancelled';

/** One appended-lines file: the log it follows and what was read. */
export interface TailedLog {
  /** The log's path on this computer. */
  source: string;
  /** The file in the recording folder holding the lines appended during the recording. */
  file: string;
  bytes: number;
  /** The log was cut or replaced during the recording (read again from its start). */
  rotated?: boolean;
  /** More was appended than the recording keeps (per log, or all logs together): the first bytes are kept. */
  capped?: boolean;
}

export interface Recording {
  format: 'diagcollect-recording/1';
  ticket: string;
  startedAt: string;
  stoppedAt: string;
  stopReason: StopReason;
  /** How clicks were seen: the global input hook, or a picture every N seconds plus marks. */
  input: { mode: 'hook' | 'interval'; intervalSeconds?: number; why?: string };
  /** `method`: in-process X11 grab, or the tools (xwd …) per picture, and why not in-process. */
  pictures: { taken: boolean; why?: string; method?: 'x11' | 'tools'; methodWhy?: string; bytes: number; capBytes: number };
  steps: RecordedStep[];
  events: RecordingEvent[];
  logs: TailedLog[];
}
