/**
 * ServiceNow contract: Table API lookup of the record number → sys_id; Attachment API
 * POST /api/now/attachment/file?table_name&table_sys_id&file_name with the raw archive; Basic
 * auth; answers are the documented shapes (tests/fixtures/saas/servicenow).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../../../electron/engine/upload/credentials.js';
import { ServiceNowConnector } from '../../../../electron/engine/upload/servicenow.js';
import { fixture, json, makeArchive, sha256, startSaasServer, type Recorded } from './helpers/saas-server.js';

const PASSWORD = 'sn-Pa55word-x81';
const SYS = '9d385017c611228701d22104cc95c371';
let srv: Awaited<ReturnType<typeof startSaasServer>>;
let stored: { name: string; size: number } | undefined;

beforeAll(async () => {
  srv = await startSaasServer((req: Recorded, res) => {
    if (req.headers.authorization !== `Basic ${Buffer.from(`diag:${PASSWORD}`).toString('base64')}`) return json(res, 401, { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' });
    if (req.method === 'GET' && req.path === '/api/now/table/incident') {
      return req.query.get('sysparm_query') === 'number=INC0010001' ? json(res, 200, fixture('servicenow', 'incident.json')) : json(res, 200, { result: [] });
    }
    if (req.method === 'POST' && req.path === '/api/now/attachment/file') {
      stored = { name: req.query.get('file_name')!, size: req.raw.length };
      return json(res, 201, fixture('servicenow', 'attachment-created.json', { NAME: stored.name, size_bytes: stored.size }));
    }
    if (req.method === 'GET' && req.path === '/api/now/attachment') {
      if (!stored || req.query.get('sysparm_query') !== `table_sys_id=${SYS}^file_name=${stored.name}`) return json(res, 200, fixture('servicenow', 'attachments-empty.json'));
      return json(res, 200, { result: [{ sys_id: '615ea769c0a80166001cf5f2367302f5', file_name: stored.name, size_bytes: String(stored.size), download_link: 'x' }] });
    }
    json(res, 400, { error: { message: 'Invalid path' } });
  });
});
afterAll(() => srv.close());

const connector = () => ServiceNowConnector.create({ url: srv.base, user: 'diag', table: 'incident', password: new Secret(PASSWORD) });

describe('ServiceNow connector (contract)', () => {
  it('looks the record number up, posts the raw archive to attachment/file with table_name, table_sys_id, file_name', async () => {
    const c = await connector();
    const file = makeArchive(90_000, 'INC0010001');
    try {
      expect(await c.validateTicket('INC0010001')).toEqual({ title: 'Unable to connect to the VPN' });
      const lookup = srv.log[0]!;
      expect(lookup.query.get('sysparm_fields')).toBe('sys_id,number,short_description');
      expect(await c.findAttachment('INC0010001', file.name, file.sha256, { size: file.size })).toBeNull();
      const ref = await c.attach('INC0010001', file);
      const post = srv.log.find((r) => r.method === 'POST')!;
      expect(post.query.get('table_name')).toBe('incident');
      expect(post.query.get('table_sys_id')).toBe(SYS);
      expect(post.query.get('file_name')).toBe(file.name);
      expect(post.headers['content-type']).toBe('application/zip');
      expect(sha256(post.raw)).toBe(file.sha256);
      expect(ref).toMatchObject({ id: '615ea769c0a80166001cf5f2367302f5', name: file.name, size: file.size });
      expect(await c.findAttachment('INC0010001', file.name, file.sha256, { size: file.size })).toMatchObject({ id: '615ea769c0a80166001cf5f2367302f5' });
    } finally {
      await c.close();
    }
  });

  it('an unknown record is not-found (final); a malformed number is refused before any request', async () => {
    const c = await connector();
    const before = srv.log.length;
    await expect(c.validateTicket('12345')).rejects.toMatchObject({ kind: 'not-found' });
    expect(srv.log.length).toBe(before);
    await expect(c.validateTicket('INC0099999')).rejects.toMatchObject({ kind: 'not-found', permanent: true });
    await c.close();
  });
});
