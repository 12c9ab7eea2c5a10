/**
 * What a front end says was not collected. Collectors left out only because they serve other
 * problem types (skip reason `problem-type`, issue 18) were never meant to run for this one:
 * listed one by one they drown the skips that matter (a missing tool, a refused permission), so
 * they are counted instead and said in one line. The manifest keeps every one with its reason.
 */
import type { CollectorRun } from '../../../shared/types.js';

export interface NotCollected {
  /** Skipped collectors worth a line each, in the manifest's order. */
  listed: CollectorRun[];
  /** How many more were skipped only because they are for other problem types. */
  otherProblemTypes: number;
}

export function notCollected(collectors: readonly CollectorRun[]): NotCollected {
  const skipped = collectors.filter((c) => c.status === 'skipped');
  const listed = skipped.filter((c) => c.reason?.code !== 'problem-type');
  return { listed, otherProblemTypes: skipped.length - listed.length };
}
