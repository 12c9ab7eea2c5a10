import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyBase64 } from '../../../../electron/engine/link/keys.js';
import { canonicalPayload, createSignedLink, linkFieldProblem, verifyLink } from '../../../../electron/engine/link/signed-link.js';
import { linkProblemType } from '../../../../shared/deep-link.js';
import { PolicySchema } from '../../../../shared/policy.js';
import type { ProblemType } from '../../../../shared/types.js';

const agent = generateKeyPairSync('ed25519');
const NOW = new Date('2026-03-01T09:00:00Z');
const exp = Math.floor(NOW.getTime() / 1000 + 3600);
const policy = PolicySchema.parse({ linkSigning: { publicKeys: [publicKeyBase64(agent.publicKey)] } });

describe('signed links preset the problem type (issue 18)', () => {
  it('round-trips problem=slow, signed like every other field', () => {
    const url = createSignedLink({ ticket: '12345', exp, problemType: 'slow' }, agent.privateKey, agent.publicKey);
    expect(url).toMatch(/[?&]problem=slow&exp=/);
    expect(verifyLink(url, policy, NOW)).toMatchObject({ ok: true, ticket: '12345', problemType: 'slow' });
  });

  it('a link without the field still verifies with the old payload (links already sent keep working)', () => {
    expect(canonicalPayload({ ticket: '1', exp: 2, kid: 'k' }).toString()).toBe('diagcollect-link/1\ncollect\nticket=1\ntarget=\nurl=\nexp=2\nkid=k');
    expect(canonicalPayload({ ticket: '1', exp: 2, kid: 'k', problemType: 'connection' }).toString()).toMatch(/\nproblem=connection$/);
    const url = createSignedLink({ ticket: '12345', exp }, agent.privateKey, agent.publicKey);
    const v = verifyLink(url, policy, NOW);
    expect(v.ok && v.problemType).toBe(undefined);
  });

  it('refuses a changed problem type (tampered) and an unknown one (bad-problem)', () => {
    const url = createSignedLink({ ticket: '12345', exp, problemType: 'slow' }, agent.privateKey, agent.publicKey);
    expect(verifyLink(url.replace('problem=slow', 'problem=connection'), policy, NOW)).toMatchObject({ ok: false, error: 'tampered' });
    const v = verifyLink(url.replace('problem=slow', 'problem=urgent'), policy, NOW);
    expect(v).toMatchObject({ ok: false, error: 'bad-problem' });
    expect(!v.ok && v.reason.en).toContain('unknown problem type "urgent"');
    expect(!v.ok && v.reason['zh-CN']).toContain('未知的问题类型');
    expect(linkFieldProblem({ ticket: '1', exp, problemType: 'urgent' as ProblemType })).toMatch(/unknown problem type "urgent": use one of connection, malfunction, slow, other/);
  });

  it('reads only the four types from a parameter', () => {
    expect(['connection', 'malfunction', 'slow', 'other', 'Slow', ''].map(linkProblemType)).toEqual(['connection', 'malfunction', 'slow', 'other', undefined, undefined]);
  });
});
