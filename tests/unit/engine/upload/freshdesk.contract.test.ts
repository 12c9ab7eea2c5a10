/**
 * Freshdesk contract: POST /api/v2/tickets/{id}/notes as multipart/form-data with body, private
 * and attachments[]; Basic "<api key>:X"; answers are the documented shapes
 * (tests/fixtures/saas/freshdesk).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../../../electron/engine/upload/credentials.js';
import { FreshdeskConnector } from '../../../../electron/engine/upload/freshdesk.js';
import { fixture, json, makeArchive, sha256, startSaasServer, type Recorded } from './helpers/saas-server.js';

const KEY = 'fd-ApiKey-Zx81Lq';
let srv: Awaited<ReturnType<typeof startSaasServer>>;
let stored: { name: string; size: number } | undefined;

beforeAll(async () => {
  srv = await startSaasServer((req: Recorded, res) => {
    if (req.headers.authorization !== `Basic ${Buffer.from(`${KEY}:X`).toString('base64')}`) return json(res, 401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });
    if (req.method === 'GET' && req.path === '/api/v2/tickets/20') return json(res, 200, fixture('freshdesk', 'ticket.json'));
    if (req.method === 'GET' && req.path === '/api/v2/tickets/20/conversations') {
      if (!stored) return json(res, 200, fixture('freshdesk', 'conversations-empty.json'));
      return json(res, 200, [{ id: 22, attachments: [{ id: 5001, name: stored.name, size: stored.size, attachment_url: 'https://cdn/x' }] }]);
    }
    if (req.method === 'POST' && req.path === '/api/v2/tickets/20/notes') {
      const file = req.parts?.find((p) => p.name === 'attachments[]');
      const body = req.parts?.find((p) => p.name === 'body');
      if (!file || !body) return json(res, 400, { description: 'Validation failed', errors: [{ field: 'body', message: 'missing', code: 'missing_field' }] });
      stored = { name: file.filename!, size: file.data.length };
      return json(res, 201, fixture('freshdesk', 'note-created.json', { NAME: file.filename!, BODY: body.data.toString('utf8'), size: file.data.length }));
    }
    if (req.path.startsWith('/api/v2/tickets/')) return json(res, 404, { code: 'access_denied' });
    json(res, 404, {});
  });
});
afterAll(() => srv.close());

describe('Freshdesk connector (contract)', () => {
  it('adds a private note with the archive under attachments[] and the comment as HTML body', async () => {
    const c = await FreshdeskConnector.create({ url: srv.base, private: true, apiKey: new Secret(KEY) });
    const file = makeArchive(80_000, '20');
    try {
      expect(await c.validateTicket('20')).toEqual({ title: 'Support needed..' });
      expect(await c.findAttachment('20', file.name, file.sha256, { size: file.size })).toBeNull();
      const ref = await c.attach('20', file, { comment: 'a < b & 诊断' });
      const post = srv.log.find((r) => r.method === 'POST')!;
      expect(post.parts!.map((p) => p.name)).toEqual(['body', 'private', 'attachments[]']);
      expect(post.parts![0]!.data.toString('utf8')).toBe('<p>a &lt; b &amp; 诊断</p>');
      expect(post.parts![1]!.data.toString('utf8')).toBe('true');
      expect(post.parts![2]).toMatchObject({ filename: file.name, contentType: 'application/zip' });
      expect(sha256(post.parts![2]!.data)).toBe(file.sha256);
      expect(ref).toMatchObject({ id: '5001', name: file.name, size: file.size });
      expect(await c.findAttachment('20', file.name, file.sha256, { size: file.size })).toMatchObject({ id: '5001' });
    } finally {
      await c.close();
    }
  });

  it('too big (> 20 MB) is final before sending; 401 → auth naming DIAGCOLLECT_FRESHDESK_API_KEY', async () => {
    const c = await FreshdeskConnector.create({ url: srv.base, private: true, apiKey: new Secret(KEY) });
    const before = srv.log.length;
    await expect(c.attach('20', { path: '/nonexistent', name: 'x.zip', size: 21 * 1024 * 1024, sha256: '0'.repeat(64) })).rejects.toMatchObject({ kind: 'too-large', permanent: true });
    expect(srv.log.length).toBe(before);
    await c.close();
    const bad = await FreshdeskConnector.create({ url: srv.base, private: true, apiKey: new Secret('wrong-key-77777') });
    const err = (await bad.validateTicket('20').catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ kind: 'auth' });
    expect(err.message).toContain('DIAGCOLLECT_FRESHDESK_API_KEY');
    expect(err.message).not.toContain('wrong-key-77777');
    await bad.close();
  });
});
