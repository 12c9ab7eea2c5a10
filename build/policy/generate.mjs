#!/usr/bin/env node
// `npm run build:policy-templates`: writes the IT policy templates (ADMX/ADML, .reg, .mobileconfig,
// policy.json, JSON Schema) into this folder from the policy schema. `--check` writes nothing and
// exits 1 when a committed file differs from what the schema gives (CI, the release workflow).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { policyTemplates } = await import('../../electron/engine/policy/templates.ts');
const here = dirname(fileURLToPath(import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const file of policyTemplates()) {
  const target = join(here, file.path);
  let current;
  try {
    current = readFileSync(target);
  } catch {
    current = undefined;
  }
  if (current && current.equals(file.content)) continue;
  if (check) {
    console.error(`build/policy/${file.path} is out of date: run npm run build:policy-templates`);
    stale += 1;
    continue;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.content);
  console.log(`wrote build/policy/${file.path}`);
}
process.exitCode = stale ? 1 : 0;
