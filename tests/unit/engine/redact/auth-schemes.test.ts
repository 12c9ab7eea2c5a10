/**
 * Object storage signs requests with `Authorization: <scheme> <AccessKeyId>:<signature>` (S3 v2
 * `AWS`, Aliyun `OSS`, Huawei `OBS`, Qiniu `QBox`, UpYun, Kingsoft `KS3`). The scheme stays (it
 * tells the agent which service was called); the key id and its signature go. Before session 10
 * the scheme was taken for the credential and the signature stayed in the clear whenever the key
 * id had a shape of its own (a cloud-key rule took it first), and the redaction map said
 * `<TOKEN-1>` = `<TOKEN-1>:signature`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';

const SIG = 'kR8vQ2mX5pT9wL3nZ7cY1hB4dF6=';

describe('auth-header: access key and signature schemes', () => {
  for (const scheme of ['OSS', 'AWS', 'OBS', 'QBox', 'UPYUN', 'KS3']) {
    for (const key of ['LTAI5tPq8Wx3Zr6Km1Vn9Bh2', 'AKIAIOSFODNN7EXAMPLE', 'myaccesskey12']) {
      it(`Authorization: ${scheme} ${key}:<signature>`, () => {
        for (const prefilter of [true, false]) {
          const r = new Redactor({}, { prefilter });
          const out = r.redactText(`2026-03-19 10:20:01 DEBUG http-outgoing-7 >> Authorization: ${scheme} ${key}:${SIG}`).text;
          expect(out).toContain(`Authorization: ${scheme} <TOKEN-`);
          expect(out).not.toContain(SIG);
          expect(out).not.toContain(key);
          // The map gives back the original text, never a placeholder standing for itself.
          for (const [placeholder, value] of r.mapping()) expect(value).not.toContain(placeholder);
          expect([...r.mapping().values()]).toContain(`${key}:${SIG}`);
        }
      });
    }
  }

  it('keeps the same words where they are no scheme', () => {
    const out = new Redactor().redactText('upload to OSS bucket erp-backup done; AWS region cn-north-1').text;
    expect(out).toBe('upload to OSS bucket erp-backup done; AWS region cn-north-1');
  });
});
