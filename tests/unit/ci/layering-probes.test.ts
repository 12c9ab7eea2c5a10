/**
 * Layering fails closed (STYLE.md §1, issue 12 item 9): each probe below is code that breaks a
 * layer, and each must be refused by the tool `npm test` runs — ESLint, dependency-cruiser or
 * tsc with the layer's tsconfig — with the rule that names the problem. The probes are written as
 * real files into a temporary copy of the sources (node_modules linked), the real tools run on
 * that copy with the repository's own configs, and the copy is removed afterwards: nothing is
 * ever written into the working tree.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const COPIED = ['shared', 'electron', 'renderer/src', 'renderer/tsconfig.json', 'package.json', 'eslint.config.js', '.dependency-cruiser.cjs', 'tsconfig.base.json', 'tsconfig.json'];

type Tool = 'eslint' | 'depcruise' | 'tsc-renderer' | 'tsc-shared';
interface Probe {
  name: string;
  file: string;
  code: string;
  /** Every refusal that must be reported for this file: the tool, its rule (or TS error), and a part of the message. */
  refusedBy: Array<[Tool, string, string?]>;
}

const PROBES: Probe[] = [
  { name: "await import('electron') in the engine", file: 'electron/engine/zz-probe-dynamic-electron.ts', code: "export async function load(): Promise<unknown> {\n  return await import('electron');\n}\n", refusedBy: [['depcruise', 'no-electron-outside-main'], ['depcruise', 'not-in-allowed']] },
  { name: 'createRequire in the engine', file: 'electron/engine/zz-probe-create-require.ts', code: "import { createRequire } from 'node:module';\nexport const electron = createRequire(import.meta.url)('electron') as unknown;\n", refusedBy: [['eslint', 'no-restricted-syntax', 'createRequire hides']] },
  { name: 'process.binding in the engine', file: 'electron/engine/zz-probe-binding.ts', code: "// @ts-expect-error deprecated, untyped\nexport const fs = process.binding('fs') as unknown;\n", refusedBy: [['eslint', 'no-restricted-syntax', 'process.binding']] },
  { name: 'new Function import in the engine', file: 'electron/engine/zz-probe-new-function.ts', code: "export const load = new Function('return import(\"electron\")');\n", refusedBy: [['eslint', 'no-new-func']] },
  { name: 'eval in the CLI', file: 'electron/cli/zz-probe-eval.ts', code: "export const load = (): unknown => eval('import(\"electron\")');\n", refusedBy: [['eslint', 'no-eval']] },
  { name: 'import() of a computed name in main', file: 'electron/main/zz-probe-computed-import.ts', code: "const name = ['..', 'renderer', 'src', 'app.js'].join('/');\nexport const load = (): Promise<unknown> => import(name);\n", refusedBy: [['eslint', 'no-restricted-syntax', 'import() of a computed name']] },
  { name: 'require() in the engine', file: 'electron/engine/zz-probe-require.ts', code: "declare const require: (id: string) => unknown;\nexport const electron = require('electron');\n", refusedBy: [['eslint', 'no-restricted-syntax', 'require()'], ['depcruise', 'no-electron-outside-main']] },
  { name: 'a .tsx file in the engine', file: 'electron/engine/zz-probe-view.tsx', code: 'export const View = (): null => null;\n', refusedBy: [['eslint', 'no-restricted-syntax', 'This file belongs to no layer'], ['depcruise', 'no-layer-orphan']] },
  { name: 'shared/ importing react', file: 'shared/zz-probe-react.ts', code: "import { useState } from 'react';\nexport const hook = useState;\n", refusedBy: [['eslint', 'no-restricted-imports', 'shared/ imports nothing but zod'], ['depcruise', 'not-in-allowed']] },
  { name: 'shared/ importing systeminformation', file: 'shared/zz-probe-si.ts', code: "import si from 'systeminformation';\nexport const system = si.system;\n", refusedBy: [['eslint', 'no-restricted-imports', 'shared/ imports nothing but zod'], ['depcruise', 'not-in-allowed']] },
  { name: 'the CLI importing the renderer', file: 'electron/cli/zz-probe-renderer.ts', code: "import { App } from '../../renderer/src/app.js';\nexport const app = App;\n", refusedBy: [['eslint', 'no-restricted-imports', 'Only the renderer imports the renderer'], ['depcruise', 'not-in-allowed']] },
  { name: 'the engine importing tsx (a devDependency: not shipped)', file: 'electron/engine/zz-probe-dev-dep.ts', code: "import { register } from 'tsx/esm/api';\nexport const r = register;\n", refusedBy: [['depcruise', 'not-in-allowed']] },
  { name: 'process and Buffer in renderer/', file: 'renderer/src/zz-probe-node-globals.ts', code: "export const home = process.env.HOME;\nexport const bytes = Buffer.from('x');\n", refusedBy: [['tsc-renderer', "TS2591: Cannot find name 'process'"], ['tsc-renderer', "TS2591: Cannot find name 'Buffer'"]] },
  { name: 'process and document in shared/', file: 'shared/zz-probe-globals.ts', code: "export const home = process.env.HOME;\nexport const title = (): string => document.title;\n", refusedBy: [['tsc-shared', "TS2591: Cannot find name 'process'"], ['tsc-shared', "TS2584: Cannot find name 'document'"]] },
  { name: 'a file in no layer', file: 'misc/zz-probe-orphan.ts', code: 'export const x = 1;\n', refusedBy: [['eslint', 'no-restricted-syntax', 'This file belongs to no layer'], ['depcruise', 'no-layer-orphan']] },
];

/** What the architecture allows must stay allowed (else the probes would prove nothing). */
const ALLOWED: Probe[] = [
  { name: 'the engine using Node and zod', file: 'electron/engine/zz-ok-engine.ts', code: "import os from 'node:os';\nimport { z } from 'zod';\nexport const x = [os.hostname, z.string];\n", refusedBy: [] },
  { name: 'main importing electron and the engine', file: 'electron/main/zz-ok-main.ts', code: "import { app } from 'electron';\nimport { TOOL_VERSION } from '../engine/version.js';\nexport const x = [app, TOOL_VERSION];\n", refusedBy: [] },
  { name: 'the renderer importing react and shared/', file: 'renderer/src/zz-ok-renderer.tsx', code: "import { useState } from 'react';\nimport { standardName } from '../../shared/naming.js';\nexport const x = [useState, standardName, document.title];\n", refusedBy: [] },
];

let tmp = '';
/** Findings per probe file, as "tool: rule-or-code: message". */
const found = new Map<string, string[]>();

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

const note = (file: string, finding: string) => found.set(file, [...(found.get(file) ?? []), finding]);

beforeAll(async () => {
  tmp = await mkdtemp(join(os.tmpdir(), 'diagcollect-layering-'));
  for (const entry of COPIED) {
    await mkdir(dirname(join(tmp, entry)), { recursive: true });
    await cp(join(ROOT, entry), join(tmp, entry), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(tmp, 'node_modules'), 'junction');
  const write = async (probes: Probe[]) => {
    for (const probe of probes) {
      await mkdir(dirname(join(tmp, probe.file)), { recursive: true });
      await writeFile(join(tmp, probe.file), probe.code);
    }
  };
  const byTsc = (p: Probe) => p.refusedBy.some(([tool]) => tool.startsWith('tsc-'));

  // tsc first, with only its own probes: a package whose types reference Node (systeminformation)
  // would bring Node's globals into any program importing it — refused by lint, probed below.
  await write([...PROBES.filter(byTsc), ...ALLOWED]);
  for (const project of ['renderer', 'shared'] as const) {
    const tsc = await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--pretty', 'false', '-p', project], tmp);
    for (const line of tsc.out.split('\n')) {
      const m = /^(.+?)\(\d+,\d+\): error (TS\d+: .*)$/.exec(line.trim());
      if (m) note(m[1]!, `tsc-${project}: ${m[2]}`);
    }
  }

  // Then ESLint and dependency-cruiser on every probe, with the repository's configs.
  await write(PROBES.filter((p) => !byTsc(p)));
  const eslint = new ESLint({ cwd: tmp });
  for (const result of await eslint.lintFiles([...PROBES, ...ALLOWED].map((p) => join(tmp, p.file)))) {
    const file = result.filePath.slice(tmp.length + 1).split('\\').join('/');
    for (const m of result.messages) note(file, `eslint: ${m.ruleId}: ${m.message}`);
  }
  const cruise = await run(process.execPath, [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '.'], tmp);
  const graph = JSON.parse(cruise.out.slice(cruise.out.indexOf('{'))) as { summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> } };
  for (const v of graph.summary.violations) note(v.from, `depcruise: ${v.rule.name}: ${v.from} → ${v.to}`);
}, 600_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('layering probes (each must be refused)', () => {
  it.each(PROBES.map((p) => [p.name, p] as const))('refuses %s', (_name, probe) => {
    const findings = found.get(probe.file) ?? [];
    for (const [tool, rule, text = ''] of probe.refusedBy) {
      const hit = findings.some((f) => f.startsWith(`${tool}: ${rule}`) && f.includes(text));
      expect(hit, `${probe.file} should be refused by ${tool} ${rule} (${text}); found:\n${findings.join('\n') || '(nothing)'}`).toBe(true);
    }
  });

  it.each(ALLOWED.map((p) => [p.name, p] as const))('allows %s', (_name, probe) => {
    expect(found.get(probe.file) ?? []).toEqual([]);
  });

  it('finds nothing in the unchanged sources: every finding is about a probe', () => {
    const probeFiles = new Set(PROBES.map((p) => p.file));
    expect([...found.keys()].filter((f) => !probeFiles.has(f) && !ALLOWED.some((p) => p.file === f))).toEqual([]);
  });
});
