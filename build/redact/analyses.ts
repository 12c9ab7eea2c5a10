/**
 * Writes the built-in rule table's analyses (electron/engine/redact/analyses.ts) as JSON, for the
 * bundle built beside it: `node --import tsx build/redact/analyses.ts <out.json>` (build:cli,
 * build:electron run it). Every rule set the table gives is built — no layout and each layout,
 * optional rules off and all on — and whatever their building analysed is written.
 */
import { writeFile } from 'node:fs/promises';
import { exportAnalyses, type AnalysesFile } from '../../electron/engine/redact/analyses.js';
import { buildRuleSet } from '../../electron/engine/redact/rule-set.js';
import { OPTIONAL_RULE_IDS, RULES } from '../../electron/engine/redact/rules.js';
import type { ItemLayout } from '../../electron/engine/redact/formats.js';

/** The analyses of every rule set the built-in table gives (this process's, which holds no other). */
export function tableAnalyses(): AnalysesFile {
  const layouts = [...new Set(RULES.flatMap((r) => r.patterns.flatMap((p) => (p.layout ? [p.layout] : []))))] as ItemLayout[];
  for (const layout of [undefined, ...layouts]) {
    for (const optionalRules of [[], [...OPTIONAL_RULE_IDS]]) buildRuleSet({ optionalRules, ...(layout ? { layout } : {}) });
  }
  return exportAnalyses();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node --import tsx build/redact/analyses.ts <out.json>');
    process.exit(2);
  }
  await writeFile(out, JSON.stringify(tableAnalyses()));
}
