/**
 * The example scripts IT runs from MDM (build/it/). The Jamf script is run for real by bash
 * against a stand-in diagcollect that exits with each documented code; PowerShell and Ansible
 * cannot run here, so their structure is checked: unattended flags, and every exit code handled.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXIT } from '../../../electron/engine/errors.js';

// Parsed YAML; each test asserts the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;
const IT = fileURLToPath(new URL('../../../build/it/', import.meta.url));
const read = (name: string) => readFileSync(join(IT, name), 'utf8');

describe('IT scripts (build/it)', () => {
  it('jamf-collect.sh is valid bash and maps each exit code', () => {
    expect(spawnSync('bash', ['-n', join(IT, 'jamf-collect.sh')]).status).toBe(0);
    const dir = mkdtempSync(join(os.tmpdir(), 'jamf-'));
    const fake = join(dir, 'diagcollect');
    writeFileSync(fake, '#!/bin/sh\necho "$@" > "$(dirname "$0")/args"\necho \'{"ok":true,"archive":{"path":"/x/12345_diagnostics.zip","name":"12345_diagnostics.zip"}}\'\nexit "$FAKE_EXIT"\n');
    chmodSync(fake, 0o755);
    const jamf = (code: number, ticket = '12345') => spawnSync('bash', [join(IT, 'jamf-collect.sh'), '/', 'mac-01', 'admin', ticket], { encoding: 'utf8', env: { ...process.env, DIAGCOLLECT_BIN: fake, DIAGCOLLECT_DATA_DIR: dir, FAKE_EXIT: String(code) } });
    const ok = jamf(EXIT.ok);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('diagcollect: ticket 12345: archive 12345_diagnostics.zip written\n');
    expect(readFileSync(join(dir, 'args'), 'utf8').trim()).toBe('collect --ticket 12345 --silent --json --no-screenshot');
    expect(jamf(EXIT.partial)).toMatchObject({ status: 0, stdout: expect.stringContaining('some collectors failed') });
    expect(jamf(EXIT.uploadPending)).toMatchObject({ status: 0, stdout: expect.stringContaining('upload queued') });
    expect(jamf(EXIT.badInput)).toMatchObject({ status: 2, stdout: expect.stringContaining('refused') });
    expect(jamf(EXIT.failure)).toMatchObject({ status: 1, stdout: expect.stringContaining('failed (exit 1)') });
    expect(jamf(EXIT.cancelled)).toMatchObject({ status: 130 });
    expect(jamf(0, '')).toMatchObject({ status: 2, stdout: expect.stringContaining('parameter 4') });
  });

  it.each(['intune-remediate.ps1', 'sccm-collect.ps1'])('%s runs diagcollect unattended and acts on every exit code', (name) => {
    const ps = read(name);
    expect(ps).toMatch(/'collect', '--ticket', \$Ticket, '--silent', '--json', '--no-screenshot'/);
    expect(ps).toContain('Start-Process -FilePath $Exe');
    expect(ps).toMatch(/-Wait -PassThru/);
    expect(ps).toContain("Join-Path $env:ProgramFiles 'Diagnostics Collector\\Diagnostics Collector.exe'");
    expect(ps).toContain("$env:DIAGCOLLECT_DATA_DIR = Join-Path $env:ProgramData 'DiagCollect'");
    expect(ps).toMatch(/switch \(\$Code\)/);
    expect(ps).not.toMatch(/\$Args\s*=/); // an automatic variable in PowerShell
    for (const code of name.startsWith('intune') ? ['0', '3', '4', '2', '130', 'default'] : ['0, 3, 4', 'default']) expect(ps).toContain(`    ${code.includes(',') ? `{ $_ -in ${code} }` : code} {`);
  });

  it('intune-detect.ps1 asks for remediation until the ticket has an archive', () => {
    const ps = read('intune-detect.ps1');
    expect(ps).toContain('Filter "$($Ticket)_*.zip"');
    expect(ps).toMatch(/exit 0[\s\S]*exit 1\s*$/);
  });

  it('ansible-collect.yml collects unattended, accepts 0/3/4 and fetches the archive', () => {
    const [play] = parse(read('ansible-collect.yml')) as Array<Record<string, Yaml>>;
    expect(play!.become).toBe(true);
    const tasks = play!.tasks as Array<Record<string, Yaml>>;
    const collect = tasks.find((t) => t['ansible.builtin.command'])!;
    expect(collect['ansible.builtin.command'].argv.slice(1)).toEqual(['collect', '--ticket', '{{ ticket }}', '--silent', '--json', '--no-screenshot']);
    expect(collect.failed_when).toBe('collect.rc not in [0, 3, 4]');
    expect(collect.environment.DIAGCOLLECT_DATA_DIR).toContain('diagcollect_data_dir');
    expect(tasks.find((t) => t['ansible.builtin.fetch'])?.['ansible.builtin.fetch'].src).toBe('{{ diagcollect_result.archive.path }}');
    expect(tasks.find((t) => t['ansible.builtin.assert'])).toBeDefined();
  });
});
