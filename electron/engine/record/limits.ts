/**
 * What a recording may do, from policy `record` (and `screenshotAllowed`) and what the user asked
 * for: how long it runs, how often it takes a picture without the input hook, and whether it
 * takes pictures at all (and why not). Computed here once for `diagcollect record` and the
 * app's recorder; the front ends only show it.
 *
 * The time limit: `record.maxMinutes` (default 10). `--minutes` may ask for less; it may ask for
 * more only when the limit is not IT's: a managed policy that sets the key makes it a maximum.
 */
import type { Policy } from '../../../shared/policy.js';
import { InputError } from '../errors.js';

/** What any `--minutes` can reach when no managed maximum applies. */
export const MINUTES_CEILING = 120;
export const MAX_MINUTES_KEY = 'record.maxMinutes';

export interface RecordingLimits {
  /** The recording stops by itself after this many minutes. */
  minutes: number;
  /** Without the input hook: a picture this often. */
  intervalSeconds: number;
  /** IT's maximum when a managed policy sets it (the app shows the limit as locked). */
  managedMaxMinutes?: number;
  pictures: boolean;
  /** Why there are no pictures: policy, or the user's choice (`declined`). */
  noPicturesWhy?: string;
}

export interface LimitRequest {
  /** The user's consent to pictures (the screenshot switch: `--no-screenshot`, the app's checkbox). */
  consent: boolean;
  /** How the user's refusal is named in the steps ("--no-screenshot", "the user chose no screenshots"). */
  declined: string;
  /** As the user typed them (`--minutes 5`), or numbers. */
  minutes?: number | string;
  intervalSeconds?: number | string;
}

function checkNumber(raw: number | string | undefined, option: string, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (String(raw).trim() === '' || !Number.isFinite(value) || value <= 0 || value > max) throw InputError.coded('record-number', { option, max: String(max), value: String(raw) }, `${option} must be a number above 0 and at most ${max}, not "${raw}"`);
  return value;
}

/** The limits for a recording; an InputError for a request policy does not allow. */
export function recordingLimits(policy: Policy, locked: readonly string[], request: LimitRequest): RecordingLimits {
  const managed = locked.includes(MAX_MINUTES_KEY) ? policy.record.maxMinutes : undefined;
  const minutes = checkNumber(request.minutes, '--minutes', MINUTES_CEILING);
  const intervalSeconds = checkNumber(request.intervalSeconds, '--interval', 600);
  if (managed !== undefined && minutes !== undefined && minutes > managed) {
    throw InputError.coded('record-over-limit', { minutes: String(minutes), managed: String(managed) }, `--minutes ${minutes} is longer than the recording time limit your IT department set (${managed} min, policy record.maxMinutes): ask for ${managed} minutes or fewer`);
  }
  const noPicturesWhy = !policy.screenshotAllowed
    ? 'IT policy does not allow screenshots'
    : !policy.record.screenshots
      ? 'IT policy does not allow pictures while recording (record.screenshots)'
      : !request.consent
        ? request.declined
        : undefined;
  return {
    minutes: minutes ?? policy.record.maxMinutes,
    intervalSeconds: intervalSeconds ?? policy.record.intervalSeconds,
    ...(managed !== undefined ? { managedMaxMinutes: managed } : {}),
    pictures: noPicturesWhy === undefined,
    ...(noPicturesWhy ? { noPicturesWhy } : {}),
  };
}
