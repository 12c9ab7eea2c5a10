/** The layering rules are lint rules (STYLE.md §1): prove they refuse what they must refuse. */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('layering lint', () => {
  it.each([
    ['electron/engine/session-x.ts', "import { app } from 'electron';\nexport const x = app;\n", 'never import electron'],
    ['electron/engine/x.ts', "import { main } from '../cli/main.js';\nexport const x = main;\n", 'imported by main and cli'],
    ['shared/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n", 'never import Node'],
    ['shared/y.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'never import electron'],
    ['renderer/src/x.ts', "import { runSession } from '../../electron/engine/session.js';\nexport const x = runSession;\n", 'never imports the engine'],
    ['renderer/src/y.ts', "import { readFile } from 'fs';\nexport const x = readFile;\n", 'never import Node'],
    ['misc/orphan.ts', 'export const x = 1;\n', 'belongs to no layer'],
  ])('refuses %s', async (file, code, why) => {
    const found = await messages(file, code);
    expect(found.join('\n')).toContain(why);
  });

  it('allows what the architecture allows', async () => {
    expect(await messages('electron/engine/ok.ts', "import os from 'node:os';\nimport { z } from 'zod';\nexport const x = [os, z];\n")).toEqual([]);
    expect(await messages('electron/main/ok.ts', "import { app } from 'electron';\nimport { runSession } from '../engine/session.js';\nexport const x = [app, runSession];\n")).toEqual([]);
    expect(await messages('shared/ok.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
  });
});
