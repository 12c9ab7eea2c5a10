/** A real CheckContext for one check under test: real exec bound to the signal, a parsed policy. */
import { PolicySchema, type PolicyInput } from '../../../../shared/policy.js';
import type { Platform } from '../../../../shared/types.js';
import type { CheckContext, CheckOutcome } from '../../../../electron/engine/checks/types.js';
import { exec } from '../../../../electron/engine/platform/exec.js';

export function createCheckContext(options: { policy?: PolicyInput; env?: NodeJS.ProcessEnv; platform?: Platform; signal?: AbortSignal } = {}): CheckContext {
  const signal = options.signal ?? new AbortController().signal;
  return {
    signal,
    policy: PolicySchema.parse(options.policy ?? {}),
    platform: options.platform ?? 'linux',
    env: options.env ?? {},
    now: () => new Date(),
    exec: (command, args, execOptions = {}) => exec(command, args, { ...execOptions, signal }),
  };
}

/** The outcomes of a check as a list. */
export function list(outcome: CheckOutcome | CheckOutcome[]): CheckOutcome[] {
  return Array.isArray(outcome) ? outcome : [outcome];
}
