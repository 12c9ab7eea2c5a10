/**
 * Zendesk contract: uploads.json (raw body, ?filename=) → token → PUT tickets/{id}.json with
 * comment.uploads; Basic "<email>/token:<token>"; answers are the documented shapes
 * (tests/fixtures/saas/zendesk).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../../../electron/engine/upload/credentials.js';
import { ZendeskConnector } from '../../../../electron/engine/upload/zendesk.js';
import { fixture, json, makeArchive, sha256, startSaasServer, type Recorded } from './helpers/saas-server.js';

const TOKEN = 'zd-token-8f3k2m1x9q';
const USER = 'agent@example.com';
let srv: Awaited<ReturnType<typeof startSaasServer>>;
let stored: { name: string; size: number } | undefined;

beforeAll(async () => {
  srv = await startSaasServer((req: Recorded, res) => {
    if (req.headers.authorization !== `Basic ${Buffer.from(`${USER}/token:${TOKEN}`).toString('base64')}`) return json(res, 401, { error: "Couldn't authenticate you" });
    if (req.method === 'GET' && req.path === '/api/v2/tickets/35436.json') return json(res, 200, fixture('zendesk', 'ticket.json'));
    if (req.method === 'GET' && /^\/api\/v2\/tickets\/\d+\.json$/.test(req.path)) return json(res, 404, { error: 'RecordNotFound', description: 'Not found' });
    if (req.method === 'POST' && req.path === '/api/v2/uploads.json') {
      const name = req.query.get('filename')!;
      return json(res, 201, fixture('zendesk', 'upload.json', { NAME: name, size: req.raw.length }));
    }
    if (req.method === 'PUT' && req.path === '/api/v2/tickets/35436.json') {
      const body = req.json as { ticket: { comment: { uploads: string[] } } };
      if (body.ticket.comment.uploads[0] === '6bk3gql82em5nmf') stored = { name: srv.log.find((r) => r.path === '/api/v2/uploads.json')!.query.get('filename')!, size: srv.log.find((r) => r.path === '/api/v2/uploads.json')!.raw.length };
      return json(res, 200, fixture('zendesk', 'ticket-updated.json'));
    }
    if (req.method === 'GET' && req.path === '/api/v2/tickets/35436/comments.json') {
      if (!stored) return json(res, 200, fixture('zendesk', 'comments-empty.json'));
      return json(res, 200, { comments: [{ id: 1, attachments: [{ id: 498483, file_name: stored.name, size: stored.size, content_url: 'https://company.zendesk.com/attachments/token/x/?name=a.zip' }] }], next_page: null });
    }
    json(res, 404, { error: 'InvalidEndpoint' });
  });
});
afterAll(() => srv.close());

const connector = (token = TOKEN) => ZendeskConnector.create({ url: srv.base, user: USER, public: false, token: new Secret(token) });

describe('Zendesk connector (contract)', () => {
  it('validates, uploads the raw archive with ?filename=, then adds a private comment with uploads: [token]', async () => {
    const c = await connector();
    const file = makeArchive(70_000, '35436');
    try {
      expect(await c.validateTicket('35436')).toEqual({ title: 'Help, my printer is on fire!' });
      expect(await c.findAttachment('35436', file.name, file.sha256, { size: file.size })).toBeNull();
      const ref = await c.attach('35436', file, { comment: '诊断信息：测试' });
      const up = srv.log.find((r) => r.method === 'POST')!;
      expect(up.path).toBe('/api/v2/uploads.json');
      expect(up.query.get('filename')).toBe(file.name);
      expect(up.headers['content-type']).toBe('application/binary');
      expect(sha256(up.raw)).toBe(file.sha256);
      const put = srv.log.find((r) => r.method === 'PUT')!;
      expect(put.json).toEqual({ ticket: { comment: { body: '诊断信息：测试', uploads: ['6bk3gql82em5nmf'], public: false } } });
      expect(ref).toMatchObject({ id: '498483', name: file.name, size: file.size });
      expect(await c.findAttachment('35436', file.name, file.sha256, { size: file.size })).toMatchObject({ id: '498483' });
    } finally {
      await c.close();
    }
  });

  it('401 → auth (final) naming DIAGCOLLECT_ZENDESK_TOKEN, not the token; 404 → not-found; non-numeric id refused', async () => {
    const bad = await connector('wrong-token-123456');
    await expect(bad.validateTicket('35436')).rejects.toMatchObject({ kind: 'auth', permanent: true, message: expect.stringContaining('DIAGCOLLECT_ZENDESK_TOKEN') });
    await expect(bad.validateTicket('35436')).rejects.not.toMatchObject({ message: expect.stringContaining('wrong-token-123456') });
    await bad.close();
    const c = await connector();
    await expect(c.validateTicket('999')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(c.validateTicket('SUP-1')).rejects.toMatchObject({ kind: 'not-found' });
    await c.close();
  });
});
