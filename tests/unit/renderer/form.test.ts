/** The intake form's validation (renderer/src/model/form.ts), with the shared schemas. */
import { describe, expect, it } from 'vitest';
import type { Defaults } from '../../../shared/api.js';
import { validateForm } from '../../../renderer/src/model/form.js';
import { firstInvalid, initialValues, joinMinute, pickerDays, splitMinute, valuesForNewCollection } from '../../../renderer/src/model/form-values.js';

const defaults: Defaults = {
  appVersion: '0.1.0',
  locale: 'zh-CN',
  platform: 'linux',
  host: 'pc-01',
  ticket: '12345',
  ticketSource: 'link',
  ticketLocked: false,
  profile: { name: '', contact: '', department: '' },
  intake: { productName: 'XX财务软件', productModel: '', productVersion: '2.3.1', occurredAt: '2026-11-24T09:30' },
  archiveLanguage: 'zh-CN',
  screenshot: 'allowed',
  upload: { target: 'outbox', targetName: 'outbox' },
};

describe('validateForm', () => {
  it('prefills the ticket, the detected product and the time; no made-up priority or problem type', () => {
    const values = initialValues(defaults);
    expect(values).toMatchObject({ ticket: '12345', productName: 'XX财务软件', productVersion: '2.3.1', occurredAt: '2026-11-24T09:30' });
    expect(values.priority).toBeUndefined();
    expect(values.problemType).toBeUndefined();
  });

  it('prefills who reported last time (the user settings)', () => {
    const values = initialValues({ ...defaults, profile: { name: '张伟', contact: 'a@b.cn', department: '财务部' } });
    expect(values).toMatchObject({ name: '张伟', contact: 'a@b.cn', department: '财务部' });
  });

  it('keeps name, contact, department and ticket for 重新收集, and starts the problem afresh', () => {
    const previous = { ...initialValues(defaults), ticket: '777', name: '张伟', contact: 'a@b.cn', department: '财务部', problemDescription: '打不开', priority: '高' as const };
    expect(valuesForNewCollection(defaults, previous, '2026-11-25T10:00')).toEqual({ ...initialValues(defaults), ticket: '777', name: '张伟', contact: 'a@b.cn', department: '财务部', occurredAt: '2026-11-25T10:00' });
  });

  it('asks for the ticket and description first, then name and contact (the order on screen)', () => {
    const verdict = validateForm({ ...initialValues(defaults), ticket: '' });
    expect(verdict).toEqual({ ok: false, errors: { ticket: 'required', name: 'required', contact: 'required', problemDescription: 'required' } });
    if (!verdict.ok) expect(firstInvalid(verdict.errors)).toBe('ticket');
    const noTicketOk = validateForm({ ...initialValues(defaults) });
    if (!noTicketOk.ok) expect(firstInvalid(noTicketOk.errors)).toBe('problemDescription');
  });

  it('accepts a problem type and a priority, and refuses one that is not in the list', () => {
    const ok = { ...initialValues(defaults), name: '张伟', contact: 'a@b.cn', problemDescription: 'x' };
    expect(validateForm({ ...ok, problemType: 'slow', priority: '低' })).toMatchObject({ ok: true, intake: { problemType: 'slow', priority: '低' } });
    expect(validateForm({ ...ok, problemType: 'weather' as never }).ok).toBe(false);
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

describe('the time picker', () => {
  it('offers today and the 13 days before, in local time', () => {
    const days = pickerDays(new Date(2026, 2, 2, 9, 30));
    expect(days).toHaveLength(14);
    expect(days.slice(0, 3)).toEqual(['2026-03-02', '2026-03-01', '2026-02-28']);
  });

  it('splits and joins the form value to the minute', () => {
    expect(splitMinute('2026-11-24T09:30')).toEqual({ day: '2026-11-24', hour: '09', minute: '30' });
    expect(splitMinute('2026-11-24 09:30')).toEqual({ day: '2026-11-24', hour: '09', minute: '30' });
    expect(joinMinute({ day: '2026-11-24', hour: '23', minute: '05' })).toBe('2026-11-24T23:05');
    expect(splitMinute('昨天')).toEqual({ day: '', hour: '', minute: '' });
  });
});
