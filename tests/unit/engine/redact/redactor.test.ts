/** The Redactor's contract: consistent placeholders per archive, options, mapping, counts. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../electron/engine/errors.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { chunkSizes, redactInChunks } from './helpers.js';

describe('Redactor', () => {
  it('gives the same value the same placeholder across two streams of one Redactor', async () => {
    const r = new Redactor();
    const a = await redactInChunks(r, Buffer.from('mail alice@example.com password=hunter2\n'), chunkSizes(7));
    const b = await redactInChunks(r, Buffer.from('password=other1 from alice@example.com, again password=hunter2\n'), chunkSizes(5));
    expect(a.text).toBe('mail <EMAIL-1> password=<SECRET-1>\n');
    expect(b.text).toBe('password=<SECRET-2> from <EMAIL-1>, again password=<SECRET-1>\n');
    expect(r.redactText('hunter2 is not redacted without its key; password=hunter2').text).toBe(
      'hunter2 is not redacted without its key; password=<SECRET-1>',
    );
  });

  it('keeps different Redactors (archives) independent', () => {
    const one = new Redactor();
    const two = new Redactor();
    expect(one.redactText('a@x.com b@x.com').text).toBe('<EMAIL-1> <EMAIL-2>');
    expect(two.redactText('b@x.com').text).toBe('<EMAIL-1>');
    expect(one.mapping().get('<EMAIL-2>')).toBe('b@x.com');
    expect(two.mapping().get('<EMAIL-1>')).toBe('b@x.com');
  });

  it('numbers placeholders per kind in reading order, also across rules on one line', () => {
    const r = new Redactor();
    expect(r.redactText('(555) 987-6543 then +86 138 0013 8000 then 555-123-4567').text).toBe('<PHONE-1> then <PHONE-2> then <PHONE-3>');
    expect(r.redactText('C:\\Users\\zed\\x and /home/amy/y').text).toBe('C:\\Users\\<USER-1>\\x and /home/<USER-2>/y');
    expect(r.mapping().get('<USER-1>')).toBe('zed');
    expect(r.placeholderRules().get('<USER-2>')).toBe('home-user');
  });

  it('treats one value as one identity: phone formats, e-mail case, Windows user case', () => {
    const r = new Redactor();
    expect(r.redactText('13800138000 / 138-0013-8000 / Alice@Example.com / alice@example.com').text).toBe(
      '<PHONE-1> / <PHONE-1> / <EMAIL-1> / <EMAIL-1>',
    );
    expect(r.redactText('C:\\Users\\WZhang\\x C:\\Users\\wzhang\\y').text).toBe('C:\\Users\\<USER-1>\\x C:\\Users\\<USER-1>\\y');
  });

  it('reports counts per rule for each stream and each text', async () => {
    const r = new Redactor();
    const { stream } = await redactInChunks(r, Buffer.from('password=a1b2 token=t0k mail x@y.com\nAKIAIOSFODNN7EXAMPLE\n'), chunkSizes(3));
    expect(stream.counts()).toEqual({ 'secret-assignment': 2, email: 1, 'cloud-key': 1 });
    expect(r.redactText('x@y.com z@y.com').counts).toEqual({ email: 2 });
  });

  it('keeps the mapping and the seen values on the machine (they are the originals)', () => {
    const r = new Redactor();
    r.redactText('password=hunter2\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMx\n-----END RSA PRIVATE KEY-----\n');
    expect(r.mapping().get('<SECRET-1>')).toBe('hunter2');
    expect(r.mapping().get('<PRIVATE-KEY-1>')).toBe('MIIEowIBAAKCAQEAu1SU1LfVLPHCozMx');
    expect(r.seenValues()).toEqual(new Set(['hunter2', 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMx']));
  });

  it('switches optional rules on by id and refuses unknown ones', () => {
    expect(new Redactor().redactText('8.8.8.8').text).toBe('8.8.8.8');
    expect(new Redactor({ optionalRules: ['ipv4-public'] }).redactText('8.8.8.8').text).toBe('<IP-1>');
    expect(() => new Redactor({ optionalRules: ['ipv4'] })).toThrow(InputError);
  });

  it('applies IT extra rules: whole match or the `secret` group, with their own placeholder kind', () => {
    const r = new Redactor({
      extraRules: [
        { id: 'employee-id', pattern: String.raw`\bEMP-\d{6}\b`, placeholder: 'employee' },
        { id: 'project-code', pattern: String.raw`project\s*=\s*(?<secret>[A-Z]{3}\d{3})`, flags: 'i' },
      ],
    });
    const out = r.redactText('EMP-004217 on project = ABC123, not XEMP-004217 nor EMP-12345');
    expect(out.text).toBe('<EMPLOYEE-1> on project = <SECRET-1>, not XEMP-004217 nor EMP-12345');
    expect(out.counts).toEqual({ 'employee-id': 1, 'project-code': 1 });
  });

  it('rejects bad IT rules with a message naming the rule', () => {
    expect(() => new Redactor({ extraRules: [{ id: 'bad', pattern: '(' }] })).toThrow(/redaction rule "bad": invalid pattern/);
    expect(() => new Redactor({ extraRules: [{ id: 'empty', pattern: 'x*' }] })).toThrow(/matches the empty string/);
    expect(() => new Redactor({ extraRules: [{ id: 'Bad_Id', pattern: 'x' }] })).toThrow(/kebab-case/);
    expect(() => new Redactor({ extraRules: [{ id: 'email', pattern: 'x' }] })).toThrow(/used twice/);
    expect(() => new Redactor({ extraRules: [{ id: 'sticky', pattern: 'x', flags: 'y' }] })).toThrow(/flags/);
    expect(() => new Redactor({ allow: ['('] })).toThrow(InputError);
  });

  it('keeps matches that fully match an allow-list entry', () => {
    const r = new Redactor({ allow: [String.raw`support@xxsoftware\.com`, String.raw`noreply@[a-z.-]+`, 'changeme'] });
    expect(r.redactText('support@xxsoftware.com noreply@acme-corp.cn alice@acme-corp.cn password=changeme password=changeme2').text).toBe(
      'support@xxsoftware.com noreply@acme-corp.cn <EMAIL-1> password=changeme password=<SECRET-1>',
    );
  });

  it('redacts known values as whole words, case-insensitively, and ignores values shorter than 3', () => {
    const r = new Redactor({
      knownValues: [
        { value: 'wzhang', kind: 'USER' },
        { value: 'WS-PC0142', kind: 'HOST' },
        { value: 'li', kind: 'USER' },
        { value: 'a.b+c@x.io', kind: 'EMAIL' },
      ],
    });
    expect(r.redactText('user WZhang on ws-pc0142.corp.local (WS-PC0142$), not wzhangx or xwzhang; li stays; a.b+c@x.io').text).toBe(
      'user <USER-1> on <HOST-1>.corp.local (<HOST-1>$), not wzhangx or xwzhang; li stays; <EMAIL-1>',
    );
    expect(r.redactText('C:\\Users\\wzhang\\x').text).toBe('C:\\Users\\<USER-1>\\x');
  });
});
