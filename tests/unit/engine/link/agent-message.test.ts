import { describe, expect, it } from 'vitest';
import { agentMessage } from '../../../../electron/engine/link/agent-message.js';

describe('the agent message', () => {
  const m = agentMessage({ ticket: '12345', link: 'diagcollect://collect?ticket=12345&exp=1&kid=k&sig=s', downloadUrl: 'https://dl.example.com/DiagnosticsCollector_12345.exe', expiresAt: new Date('2026-03-02T09:00:00Z'), timeZone: 'Asia/Shanghai' });

  it('has the standard subject with full-width brackets', () => {
    expect(m.subject).toBe('\u3010技术支持\u301112345');
  });

  it('gives numbered steps in Chinese and English with both links and the expiry', () => {
    for (const body of [m.body['zh-CN'], m.body.en]) {
      const steps = body.split('\n').filter((l) => /^\d+\. /.test(l));
      expect(steps.map((s) => Number(s.split('.')[0]))).toEqual([1, 2, 3, 4, 5, 6]);
      expect(body).toContain('diagcollect://collect?ticket=12345');
      expect(body).toContain('https://dl.example.com/DiagnosticsCollector_12345.exe');
    }
    expect(m.body['zh-CN']).toMatch(/2026\/03\/02.*17:00/);
    expect(m.body.en).toContain('02/03/2026, 17:00');
  });

  it('leaves out the download step when there is no download link', () => {
    const short = agentMessage({ ticket: '7', link: 'diagcollect://collect?ticket=7', expiresAt: new Date() });
    expect(short.body.en.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(5);
  });

  it('promises an upload only when the target is a ticket system; otherwise it says to send the draft', () => {
    const base = { ticket: '12345', link: 'diagcollect://collect?ticket=12345', expiresAt: new Date() };
    const upload = agentMessage({ ...base, delivery: 'upload' });
    expect(upload.body.en).toContain('uploaded to the ticket automatically');
    expect(upload.body['zh-CN']).toContain('自动上传到工单');
    for (const m of [agentMessage({ ...base, delivery: 'draft' }), agentMessage(base)]) {
      expect(m.body.en).not.toMatch(/upload/i);
      expect(m.body['zh-CN']).not.toContain('上传');
      expect(m.body.en).toContain('send the draft to us');
      expect(m.body['zh-CN']).toContain('邮件草稿（主题“【技术支持】12345”');
    }
  });
});
