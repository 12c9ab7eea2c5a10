/**
 * Intake text (what the user typed) is cleaned once, in the engine, before anything is written:
 * every output — `工单信息.txt`, the summary page, `manifest.json`, the ticket note to Redmine/RT,
 * the e-mail draft — renders `manifest.intake`, so none of them can show what was removed.
 *
 * Removed: bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069 isolates,
 * U+200E/U+200F/U+061C marks), which can make `invoice.exe` read as `exe.eciovni` or reorder a
 * ticket note (a spoofing risk); and control characters other than tab and line feed (a NUL
 * makes `工单信息.txt` look binary; a lone CR or an escape sequence rewrites a terminal line).
 * CRLF becomes LF. Joiners (U+200C/U+200D) stay: Persian and emoji need them.
 * What was removed, per field, goes into `manifest.intakeCleaned`, so every front end tells the user.
 */
import type { Intake } from './types.js';

/** Bidi controls and marks, C0 controls but tab and LF, DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex -- the control characters are what this removes
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const INTAKE_TEXT_FIELDS = ['name', 'contact', 'department', 'productName', 'productModel', 'productVersion', 'problemDescription', 'stepsToReproduce', 'solutionsTried'] as const;

const LONG_FIELDS: ReadonlySet<string> = new Set(['problemDescription', 'stepsToReproduce', 'solutionsTried']);

/** One field that had characters removed, and how many. */
export interface IntakeCleaning {
  field: (typeof INTAKE_TEXT_FIELDS)[number];
  removed: number;
}

/** The text without the characters above (CRLF → LF), and how many were removed. */
export function cleanIntakeText(text: string): { text: string; removed: number } {
  const lf = text.replace(/\r\n/g, '\n');
  let removed = 0;
  const clean = lf.replace(UNSAFE, () => {
    removed += 1;
    return '';
  });
  return { text: clean, removed };
}

/** The intake with every text field cleaned; `cleaned` lists the fields that changed ([] for none). */
export function cleanIntake(intake: Intake): { intake: Intake; cleaned: IntakeCleaning[] } {
  const out: Intake = { ...intake };
  const cleaned: IntakeCleaning[] = [];
  for (const field of INTAKE_TEXT_FIELDS) {
    const { text, removed } = cleanIntakeText(intake[field]);
    if (removed === 0) continue;
    // The short fields are trimmed by the schema; a removed mark must not leave a blank in front.
    out[field] = LONG_FIELDS.has(field) && text.trim() !== '' ? text : text.trim();
    cleaned.push({ field, removed });
  }
  return { intake: out, cleaned };
}
