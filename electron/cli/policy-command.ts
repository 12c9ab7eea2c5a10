/**
 * `diagcollect policy show`: the effective policy and where each value came from (default, user
 * settings, a `--policy` file, managed policy), which keys are locked, and every problem of every
 * source with the key and the reason. A bad source never stops it: exit 0 when every source is
 * valid, 2 when some source has problems (the effective policy is printed all the same).
 */
import type { Command } from 'commander';
import type { Translator } from '../../shared/i18n/translate.js';
import { cliTranslator, langOption, policyProblemText } from './cli-i18n.js';
import { EXIT } from '../engine/errors.js';
import { formatProblem, loadEffectivePolicy, type EffectivePolicy, type ValueOrigin } from '../engine/policy/effective.js';
import type { CliIo } from './main.js';

function sourceLabel(tr: Translator, source: ValueOrigin['source']): string {
  return source === 'default' ? tr.t('policyShow.default') : tr.t(`policy.source.${source}`);
}

function originText(tr: Translator, o: ValueOrigin): string {
  return o.source === 'default' ? sourceLabel(tr, 'default') : tr.t('policyShow.origin', { source: sourceLabel(tr, o.source), location: o.location ?? '' });
}

function valueOf(policy: unknown, key: string): unknown {
  let cur: unknown = policy;
  for (const part of key.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return cur;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The report as text, in the reader's language (keys, values and paths as they are): sources
 * (highest first), problems (each naming the source, file and key, and what to do), then every
 * key with its value and source.
 */
export function formatPolicyReport(effective: EffectivePolicy, tr: Translator): string {
  const out: string[] = [];
  out.push(tr.t('policyShow.sources'));
  for (const s of [...effective.sources].reverse()) {
    const state = !s.present ? tr.t('policyShow.notPresent') : tr.t('policyShow.state', { keys: s.keys, problems: s.problems });
    out.push(`  ${sourceLabel(tr, s.kind).padEnd(15)} ${s.location}  — ${state}`);
  }
  out.push(`  ${tr.t('policyShow.defaults').padEnd(15)} ${tr.t('policyShow.builtIn')}`);
  if (effective.problems.length > 0) {
    out.push('', tr.t('policyShow.problems', { count: effective.problems.length }));
    for (const p of effective.problems) out.push(`  - ${policyProblemText(tr, p, formatProblem(p))}`);
  }
  out.push('', tr.t('policyShow.effective'));
  const keys = Object.keys(effective.origins);
  const width = Math.min(40, Math.max(...keys.map((k) => k.length)) + 2);
  for (const key of keys) {
    const origin = effective.origins[key]!;
    const lock = origin.source === 'managed' ? '🔒 ' : '   ';
    out.push(`  ${lock}${key.padEnd(width)} ${shorten(JSON.stringify(valueOf(effective.policy, key)) ?? tr.t('policyShow.unset'), 60).padEnd(60)}  ${originText(tr, origin)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The report for `--json`. */
export function policyReportJson(effective: EffectivePolicy): Record<string, unknown> {
  return {
    ok: effective.problems.length === 0,
    exitCode: effective.problems.length === 0 ? EXIT.ok : EXIT.badInput,
    sources: [...effective.sources].reverse(),
    problems: effective.problems.map((p) => ({ ...p, message: formatProblem(p) })),
    locked: effective.locked,
    values: Object.entries(effective.origins).map(([key, o]) => ({ key, value: valueOf(effective.policy, key), source: o.source, ...(o.location ? { location: o.location } : {}), locked: o.source === 'managed' })),
    policy: effective.policy,
  };
}

export function registerPolicyCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const policy = program.command('policy').description(cliTranslator(io).t('cli.help.policy'));
  policy
    .command('show')
    .description(cliTranslator(io).t('cli.help.policy.show'))
    .option('--policy <file>', cliTranslator(io).t('policyShow.help.policy'))
    .option('--json', cliTranslator(io).t('cli.help.json'))
    .addOption(langOption(cliTranslator(io)))
    .action(async (flags: { policy?: string; json?: boolean; lang?: string }) => {
      // Report-only: show every problem, refusals too, and exit 2 below.
      const effective = await loadEffectivePolicy({ env: io.env, reportOnly: true, ...(flags.policy ? { policyFile: flags.policy } : {}) });
      if (flags.json) io.stdout.write(`${JSON.stringify(policyReportJson(effective), null, 2)}\n`);
      else io.stdout.write(formatPolicyReport(effective, cliTranslator(io)));
      setExit(effective.problems.length === 0 ? EXIT.ok : EXIT.badInput);
    });
}
