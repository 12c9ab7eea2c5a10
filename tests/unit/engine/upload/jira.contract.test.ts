/**
 * Jira Service Management contract: GET request/{key} (serviceDeskId, summary) →
 * POST servicedesk/{id}/attachTemporaryFile (multipart field "file", X-ExperimentalApi: opt-in,
 * X-Atlassian-Token: no-check) → POST request/{key}/attachment (temporaryAttachmentIds, public,
 * additionalComment); Basic e-mail:token (Cloud) or Bearer PAT (Data Center).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../../../electron/engine/upload/credentials.js';
import { JiraConnector } from '../../../../electron/engine/upload/jira.js';
import { fixture, json, makeArchive, sha256, startSaasServer, type Recorded } from './helpers/saas-server.js';

const TOKEN = 'jira-ATATT3xFfGF0-token';
const USER = 'agent@example.com';
let srv: Awaited<ReturnType<typeof startSaasServer>>;
let uploaded: { name: string; size: number } | undefined;
let attached = false;

beforeAll(async () => {
  srv = await startSaasServer((req: Recorded, res) => {
    const auth = req.headers.authorization;
    if (auth !== `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}` && auth !== `Bearer ${TOKEN}`) return json(res, 401, { errorMessage: 'Unauthorized' });
    if (req.method === 'GET' && req.path === '/rest/servicedeskapi/request/SUP-123') return json(res, 200, fixture('jira', 'request.json'));
    if (req.method === 'GET' && req.path.startsWith('/rest/servicedeskapi/request/SUP-') && !req.path.endsWith('/attachment')) return json(res, 404, { errorMessage: 'Request does not exist' });
    if (req.method === 'POST' && req.path === '/rest/servicedeskapi/servicedesk/10/attachTemporaryFile') {
      if (req.headers['x-atlassian-token'] !== 'no-check') return json(res, 403, { errorMessage: 'XSRF check failed' });
      if (req.headers['x-experimentalapi'] !== 'opt-in') return json(res, 412, { errorMessage: 'experimental API' });
      const file = req.parts?.find((p) => p.name === 'file');
      if (!file) return json(res, 400, { errorMessage: 'no file' });
      uploaded = { name: file.filename!, size: file.data.length };
      return json(res, 201, fixture('jira', 'attach-temporary-file.json', { NAME: file.filename! }));
    }
    if (req.method === 'POST' && req.path === '/rest/servicedeskapi/request/SUP-123/attachment') {
      const body = req.json as { temporaryAttachmentIds: string[]; additionalComment: { body: string } };
      if (body.temporaryAttachmentIds[0] !== 'temp8186986881853868431' || !uploaded) return json(res, 400, { errorMessage: 'bad temporary id' });
      attached = true;
      return json(res, 201, fixture('jira', 'attachment-created.json', { NAME: uploaded.name, BODY: body.additionalComment.body, size: uploaded.size }));
    }
    if (req.method === 'GET' && req.path === '/rest/servicedeskapi/request/SUP-123/attachment') {
      if (!attached || !uploaded) return json(res, 200, fixture('jira', 'attachments-empty.json'));
      return json(res, 200, { size: 1, start: 0, limit: 100, isLastPage: true, values: [{ filename: uploaded.name, size: uploaded.size, _links: { content: `${srv.base}/rest/servicedeskapi/request/107001/attachment/10088` } }] });
    }
    json(res, 404, { errorMessage: 'no route' });
  });
});
afterAll(() => srv.close());

describe('Jira Service Management connector (contract)', () => {
  it('attachTemporaryFile (multipart "file", experimental + XSRF headers) then request attachment, internal, with the comment', async () => {
    const c = await JiraConnector.create({ url: srv.base, user: USER, public: false, token: new Secret(TOKEN) });
    const file = makeArchive(120_000, 'SUP-123');
    try {
      expect(await c.validateTicket('SUP-123')).toEqual({ title: '客户端无法连接服务器' });
      expect(await c.findAttachment('SUP-123', file.name, file.sha256, { size: file.size })).toBeNull();
      const ref = await c.attach('SUP-123', file, { comment: 'diagnostics' });
      const temp = srv.log.find((r) => r.path.endsWith('/attachTemporaryFile'))!;
      expect(temp.parts).toHaveLength(1);
      expect(temp.parts![0]).toMatchObject({ name: 'file', filename: file.name, contentType: 'application/zip' });
      expect(sha256(temp.parts![0]!.data)).toBe(file.sha256);
      const att = srv.log.find((r) => r.method === 'POST' && r.path.endsWith('/SUP-123/attachment'))!;
      expect(att.json).toEqual({ temporaryAttachmentIds: ['temp8186986881853868431'], public: false, additionalComment: { body: 'diagnostics' } });
      expect(ref).toMatchObject({ id: '10088', name: file.name, size: file.size });
      expect(await c.findAttachment('SUP-123', file.name, file.sha256, { size: file.size })).toMatchObject({ id: '10088' });
    } finally {
      await c.close();
    }
  });

  it('Data Center: Bearer PAT without user; unknown request → not-found; wrong token → auth without the token in the message', async () => {
    const dc = await JiraConnector.create({ url: srv.base, public: false, token: new Secret(TOKEN) });
    expect((await dc.validateTicket('SUP-123')).title).toBe('客户端无法连接服务器');
    expect(srv.log[srv.log.length - 1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await expect(dc.validateTicket('SUP-999')).rejects.toMatchObject({ kind: 'not-found', permanent: true });
    await dc.close();
    const bad = await JiraConnector.create({ url: srv.base, user: USER, public: false, token: new Secret('not-the-token-42') });
    const err = (await bad.validateTicket('SUP-123').catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ kind: 'auth' });
    expect(err.message).toContain('DIAGCOLLECT_JIRA_TOKEN');
    expect(err.message).not.toContain('not-the-token-42');
    await bad.close();
  });
});
