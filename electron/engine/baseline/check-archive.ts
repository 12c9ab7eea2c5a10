/**
 * `diagcollect baseline check`: one archive a support team received, against the fleet
 * baseline. Its facts are read as `baseline build` reads them (central directory and four small
 * entries), and the fleet check itself (checks/fleet.ts) turns them into results through the
 * checks runner: the same findings, words and advice as 与全公司对比 on the desktop, as
 * checks.json results (agent's text, the user's view, the English rendering).
 */
import type { BaselineDocument } from '../../../shared/baseline.js';
import type { Policy } from '../../../shared/policy.js';
import type { CheckResult } from '../../../shared/types.js';
import { fleetCheckOver } from '../checks/fleet.js';
import { runChecks } from '../checks/runner.js';
import { ArchiveReadError, withArchiveFile } from '../compare/archive-reader.js';
import { readFleetFacts } from './fleet-facts.js';

export async function checkArchiveAgainstBaseline(options: { archive: string; baseline: BaselineDocument; policy: Policy; signal?: AbortSignal }): Promise<CheckResult[]> {
  // A zip without a manifest is not a collection: bad input, like a file that is not a zip.
  const { facts } = await withArchiveFile(options.archive, (archive) =>
    readFleetFacts(archive).catch((err: unknown) => {
      throw new ArchiveReadError(archive.label, (err as Error).message);
    }),
  );
  return runChecks({ policy: options.policy, checks: [fleetCheckOver(options.baseline, facts)], ...(options.signal ? { signal: options.signal } : {}) });
}
