/** The intake form's validation (renderer/src/model/form.ts), with the shared schemas. */
import { describe, expect, it } from 'vitest';
import type { Defaults } from '../../../shared/api.js';
import { validateForm } from '../../../renderer/src/model/form.js';
import { firstInvalid, initialValues } from '../../../renderer/src/model/form-values.js';

const defaults: Defaults = {
  appVersion: '0.1.0',
  locale: 'zh-CN',
  platform: 'linux',
  host: 'pc-01',
  ticket: '12345',
  ticketSource: 'link',
  intake: { productName: 'XX财务软件', productModel: '', productVersion: '2.3.1', occurredAt: '2026-11-24T09:30' },
  archiveLanguage: 'zh-CN',
  screenshot: 'allowed',
  upload: { target: 'outbox', targetName: 'outbox' },
};

describe('validateForm', () => {
  it('prefills the ticket, the detected product and the time; priority 中', () => {
    expect(initialValues(defaults)).toMatchObject({ ticket: '12345', productName: 'XX财务软件', productVersion: '2.3.1', occurredAt: '2026-11-24T09:30', priority: '中' });
  });

  it('asks for name, contact and description, in screen order', () => {
    const verdict = validateForm({ ...initialValues(defaults), ticket: '' });
    expect(verdict).toEqual({ ok: false, errors: { ticket: 'required', name: 'required', contact: 'required', problemDescription: 'required' } });
    if (!verdict.ok) expect(firstInvalid(verdict.errors)).toBe('ticket');
  });

  it('explains a bad ticket, contact and time', () => {
    const verdict = validateForm({ ...initialValues(defaults), ticket: '12/34', name: '张伟', contact: '打电话', problemDescription: 'x', occurredAt: '昨天' });
    expect(verdict).toEqual({ ok: false, errors: { ticket: 'ticket', contact: 'contact', occurredAt: 'time' } });
  });

  it.each(['zhang.wei@example.com', '138 0013 8000', '+86 (10) 6552-9988', '010-65529988'])('accepts the contact %s', (contact) => {
    expect(validateForm({ ...initialValues(defaults), name: '张伟', contact, problemDescription: 'x' }).ok).toBe(true);
  });

  it('returns the trimmed values', () => {
    const verdict = validateForm({ ...initialValues(defaults), ticket: ' 12345 ', name: ' 张伟 ', contact: 'a@b.cn', problemDescription: ' 打不开 ' });
    expect(verdict).toMatchObject({ ok: true, ticket: '12345', intake: { name: '张伟', problemDescription: '打不开' } });
  });
});
