/**
 * By construction, one path (issue 12): the CLI's `collect` and the desktop app's AppService
 * reach collect → archive → leak check → draft → upload only through the workflow. Neither may
 * import the stages themselves; the e2e test (tests/e2e/app.test.ts) asserts the same at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const imports = (file: string) => [...readFileSync(`${ROOT}${file}`, 'utf8').matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => `${m[0]}`);

/** The stages the workflow owns: a caller importing one of these is orchestrating on its own. */
const STAGES = [/\brunSession\b/, /\bscanArchiveForLeaks\b/, /\bwriteEmailDraft\b/, /\bsha256File\b/, /\bsummaryText\b/, /\bconnectorEntry\b/, /\bvalidateTicket\b/, /\bpreviewCollection\b/];

describe('one workflow for the app and the CLI', () => {
  for (const file of ['electron/cli/collect-command.ts', 'electron/engine/app-service.ts']) {
    it(`${file} runs the workflow and none of its stages`, () => {
      const lines = imports(file);
      expect(lines.some((l) => /\brunWorkflow\b/.test(l) && l.includes('workflow/run-workflow.js'))).toBe(true);
      for (const stage of STAGES) expect(lines.filter((l) => stage.test(l)), `${file} imports ${stage.source}`).toEqual([]);
      expect(readFileSync(`${ROOT}${file}`, 'utf8')).not.toMatch(/\.enqueue\(|outbox\.run\(/);
    });
  }
  it('main.ts registers collect from its own module, lazily', () => {
    const main = readFileSync(`${ROOT}electron/cli/main.ts`, 'utf8');
    expect(main).toContain("await import('./collect-command.js')");
    for (const stage of STAGES) expect(main).not.toMatch(stage);
  });
  it('whether the draft carries the archive is decided once, by writeEmailDraft (the body, the attachment and the workflow read its answer)', () => {
    const calls = readdirSync(`${ROOT}electron`, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(`${ROOT}electron/${f}`, 'utf8').matchAll(/\bdraftAttaches\(/g)].map(() => f.replaceAll('\\', '/')));
    // The definition and the one call in writeEmailDraft.
    expect(calls).toEqual(['engine/upload/email-draft.ts', 'engine/upload/email-draft.ts']);
  });
});
