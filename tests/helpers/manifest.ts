import { IntakeSchema, type Intake, type Manifest } from '../../shared/types.js';

/** A small, valid manifest for tests of what is built from one (drafts, comments, pages). */
export function testManifest(over: Partial<Omit<Manifest, 'intake'>> & { intake?: Partial<Intake> } = {}): Manifest {
  const { intake, ...rest } = over;
  return {
    format: 'diagcollect-manifest/1',
    tool: { name: 'diagcollect', version: '0.1.0' },
    ticket: '12345',
    archiveLanguage: 'zh-CN',
    host: 'pc-01',
    os: { platform: 'linux', release: '6.1', arch: 'x64' },
    startedAt: '2026-11-24T09:30:00.000Z',
    finishedAt: '2026-11-24T09:30:02.000Z',
    since: '2026-11-23T09:30:00.000Z',
    intake: IntakeSchema.parse(intake ?? {}),
    collectors: [{ id: 'network', status: 'timeout', durationMs: 15000, items: 0, bytes: 0, error: 'did not finish', warnings: [] }],
    items: [],
    skipped: [],
    ...rest,
  };
}
