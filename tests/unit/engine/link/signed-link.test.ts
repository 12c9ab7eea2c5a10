import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../electron/engine/errors.js';
import { generateLinkKeyPair, keyId, parsePublicKey, publicKeyBase64, readPrivateKeyFile } from '../../../../electron/engine/link/keys.js';
import { canonicalPayload, createSignedLink, policyForLink, verifyLink, type LinkFields } from '../../../../electron/engine/link/signed-link.js';
import { PolicySchema, type PolicyInput } from '../../../../shared/policy.js';

const pair = () => generateKeyPairSync('ed25519');
const agent = pair();
const stranger = pair();
const NOW = new Date('2026-03-01T09:00:00Z');
const exp = (hours: number) => Math.floor(NOW.getTime() / 1000 + hours * 3600);
const policy = (extra: PolicyInput = {}) => PolicySchema.parse({ linkSigning: { publicKeys: [publicKeyBase64(agent.publicKey)] }, ...extra });
const link = (fields: Partial<LinkFields> = {}, keys: { privateKey: KeyObject; publicKey: KeyObject } = agent) => createSignedLink({ ticket: '12345', exp: exp(24), ...fields }, keys.privateKey, keys.publicKey);

describe('signed support links', () => {
  it('round-trips: a link made by the agent is accepted with its ticket, target and expiry', () => {
    const url = link({ target: 'redmine', url: 'https://redmine.example.com' });
    expect(url).toMatch(/^diagcollect:\/\/collect\?ticket=12345&target=redmine&url=https:\/\/redmine\.example\.com&exp=\d+&kid=[\w-]{11}&sig=[\w-]{86}$/);
    const v = verifyLink(url, policy({ upload: { allowedHosts: ['*.example.com'] } }), NOW);
    expect(v).toEqual({ ok: true, ticket: '12345', target: 'redmine', url: 'https://redmine.example.com', expiresAt: new Date(exp(24) * 1000), keyId: keyId(agent.publicKey) });
    expect(verifyLink(link(), policy(), NOW)).toMatchObject({ ok: true, ticket: '12345' });
  });

  it('signs a canonical payload that holds the ticket', () => {
    expect(canonicalPayload({ ticket: '1', exp: 2, kid: 'k' }).toString()).toBe('diagcollect-link/1\ncollect\nticket=1\ntarget=\nurl=\nexp=2\nkid=k');
  });

  const refused = (url: string, p = policy(), now = NOW) => {
    const v = verifyLink(url, p, now);
    if (v.ok) throw new Error('accepted');
    return v;
  };

  it('refuses an expired link, saying when it expired', () => {
    const v = refused(link({ exp: exp(-2) }));
    expect(v.error).toBe('expired');
    expect(v.reason.en).toBe(`The link was refused: it expired at ${new Date(exp(-2) * 1000).toISOString()} (2 h ago); ask support for a new link`);
    expect(v.reason['zh-CN']).toContain('已于');
  });

  it('refuses a link replayed for another ticket or otherwise edited (tampered)', () => {
    const good = link({ target: 'redmine' });
    expect(refused(good.replace('ticket=12345', 'ticket=12346')).error).toBe('tampered');
    expect(refused(good.replace('target=redmine', 'target=rt')).error).toBe('tampered');
    const later = good.replace(/exp=\d+/, `exp=${exp(48)}`);
    const v = refused(later);
    expect(v.error).toBe('tampered');
    expect(v.reason.en).toContain('the link was changed after it was signed (for example its ticket number)');
  });

  it('refuses an unsigned link and one signed by a key the policy does not trust', () => {
    expect(refused('diagcollect://collect?ticket=12345').error).toBe('not-signed');
    expect(refused(link().replace(/&sig=[\w-]+/, '')).reason.en).toBe('The link was refused: it is not signed (ask support for a new link)');
    const v = refused(link({}, stranger));
    expect(v.error).toBe('unknown-key');
    expect(v.reason.en).toContain(`signed by a key this computer does not trust (key id ${keyId(stranger.publicKey)}; trusted: ${keyId(agent.publicKey)})`);
    expect(refused(link(), PolicySchema.parse({})).error).toBe('no-trusted-keys');
  });

  it('refuses uploads to a host the policy does not allow', () => {
    const toEvil = link({ target: 'redmine', url: 'https://evil.example.net' });
    const v = refused(toEvil, policy({ upload: { allowedHosts: ['redmine.example.com'] } }));
    expect(v.error).toBe('host-not-allowed');
    expect(v.reason.en).toBe("The link was refused: it sends the archive to evil.example.net, which this computer's policy does not allow (upload.allowedHosts: redmine.example.com)");
    // No allow-list: only the server the policy already names.
    const configured = policy({ upload: { target: 'outbox', redmine: { url: 'https://redmine.example.com' } } });
    expect(refused(toEvil, configured).reason.en).toContain('allows no host besides redmine.example.com');
    expect(verifyLink(link({ target: 'redmine', url: 'https://redmine.example.com' }), configured, NOW).ok).toBe(true);
    // Target named without a server the policy knows.
    expect(refused(link({ target: 'rt' })).error).toBe('target-not-configured');
    // The policy's own target is checked against the allow-list too.
    expect(refused(link(), policy({ upload: { target: 'redmine', redmine: { url: 'https://redmine.example.com' }, allowedHosts: ['other.example.com'] } })).error).toBe('host-not-allowed');
  });

  it('refuses a link valid for longer than the policy allows', () => {
    const v = refused(link({ exp: exp(24 * 20) }), policy({ linkSigning: { publicKeys: [publicKeyBase64(agent.publicKey)], maxLifetimeHours: 72 } }));
    expect(v.error).toBe('lifetime-too-long');
    expect(v.reason.en).toContain('longer than the 72 h the policy allows');
  });

  it('refuses malformed links before looking at signatures', () => {
    const good = link();
    expect(refused(good.replace('diagcollect:', 'https:')).error).toBe('scheme');
    expect(refused(good.replace('collect?', 'delete?')).error).toBe('unknown-action');
    expect(refused(`${good}&ticket=1`).error).toBe('extra-params');
    expect(refused(`${good}&run=calc.exe`).reason.en).toContain('unknown parameter "run"');
    expect(refused(good.replace('ticket=12345', 'ticket=..%2F..')).reason.en).toContain('%-escapes');
    expect(refused(good.replace('ticket=12345', 'ticket=a..b')).error).toBe('bad-ticket');
    expect(refused(`${good}#x`).error).toBe('malformed');
    expect(refused(`diagcollect://collect?ticket=1&${'x'.repeat(600)}`).error).toBe('too-long');
    expect(refused(good.replace(/sig=[\w-]+/, 'sig=abc')).error).toBe('malformed');
    expect(verifyLink(42, policy(), NOW)).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('refuses to make links with bad fields', () => {
    expect(() => link({ ticket: '../x' })).toThrow(/path separator/);
    expect(() => link({ url: 'https://redmine.example.com' })).toThrow(/needs an upload target/);
    expect(() => link({ target: 'redmine', url: 'https://user:pw@redmine.example.com' })).toThrow(/plain path/);
    expect(() => link({ target: 'redmine', url: 'http://redmine.example.com' })).toThrow(/https/);
  });

  it('applies a verified link to the policy: target and server', () => {
    const p = policyForLink(policy(), { target: 'rt', url: 'https://rt.example.com' });
    expect(p.upload).toMatchObject({ target: 'rt', rt: { url: 'https://rt.example.com', mode: 'comment' } });
    expect(policyForLink(policy(), {}).upload.target).toBe('outbox');
  });
});

describe('link keys', () => {
  it('accepts base64 raw, base64 DER and PEM Ed25519 public keys, and names them by id', () => {
    const k = generateLinkKeyPair();
    const der = parsePublicKey(k.publicKeyPem).export({ format: 'der', type: 'spki' }).toString('base64');
    for (const text of [k.publicKeyBase64, der, k.publicKeyPem]) expect(keyId(parsePublicKey(text))).toBe(k.keyId);
    expect(() => parsePublicKey('AAAA')).toThrow(/decodes to 3 bytes/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(() => parsePublicKey(rsa)).toThrow(/rsa key; links are signed with Ed25519/);
  });

  it('reads the private key only when no one else can', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'link-key-'));
    const file = join(dir, 'k.key');
    writeFileSync(file, generateLinkKeyPair().privateKeyPem, { mode: 0o644 });
    await expect(readPrivateKeyFile(file, 'linux')).rejects.toThrow(/can be read by other users \(mode 644\).*chmod 600/);
    await expect(readPrivateKeyFile(join(dir, 'none.key'), 'linux')).rejects.toBeInstanceOf(InputError);
    const ok = join(dir, 'ok.key');
    writeFileSync(ok, generateLinkKeyPair().privateKeyPem, { mode: 0o600 });
    expect((await readPrivateKeyFile(ok, 'linux')).asymmetricKeyType).toBe('ed25519');
  });
});
