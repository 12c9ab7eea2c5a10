/**
 * Formats of real machines (a sos report, Chromium's profile, Xvfb, sysctl, systemd units, PAM,
 * java.security) that the rules took for secrets or addresses, beside the real secrets of the same
 * shape that must still go. The whole files are in tests/fixtures/redact/real/.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { isDerPublicKeyOrCertificate } from '../../../../electron/engine/redact/rule-validators.js';

function redact(text: string): string {
  return new Redactor().redactText(text).text;
}

describe('systemd credentials', () => {
  it('keeps the names of credentials a unit loads or imports', () => {
    for (const line of [
      'LoadCredential=passwd.hashed-password.root',
      'LoadCredential=tmpfiles.extra',
      'LoadCredentialEncrypted=mysql.password:/etc/credstore.encrypted/mysql.password',
      'ImportCredential=login.motd',
      'ConditionCredential=|sysusers.extra',
      "# data from nspawn's --set-credential= switch.",
    ]) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts what SetCredential= and a --flag=value carry', () => {
    expect(redact('SetCredential=db.password:Hx7#kq2Lp')).not.toContain('Hx7#kq2Lp');
    expect(redact('mysqldump --password=Hx7kq2Lp9 db')).not.toContain('Hx7kq2Lp9');
  });
});

describe('PAM control brackets', () => {
  it("keeps a return code's action", () => {
    for (const line of ['account\t[success=1 new_authtok_reqd=done default=ignore]\tpam_unix.so ', 'password [success=ok authtok_err=die cred_err=bad default=1] pam_x.so']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts an authtok outside PAM control', () => {
    expect(redact('login failed authtok=done9x user=bob')).not.toContain('done9x');
  });
});

describe('sysctl', () => {
  it('keeps the seconds of a timeout whose name has cookie in it', () => {
    for (const line of ['net.netfilter.nf_conntrack_sctp_timeout_cookie_echoed = 3', 'net.netfilter.nf_conntrack_sctp_timeout_cookie_wait = 3', 'session_token_ttl_secs = 3600']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts a numeric secret under a secret key', () => {
    expect(redact('cookie_secret = 83920174')).not.toContain('83920174');
    expect(redact('pin = 8426')).not.toContain('8426');
  });
});

describe('usage text', () => {
  it("keeps an option's metavariable in a program's help", () => {
    for (const line of ['-auth file             select authorization file', '-cookie xdm-auth-bits  specify the magic cookie for XDMCP']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts a password given on a command line', () => {
    expect(redact('-auth hunter2x  # given on the command line')).not.toContain('hunter2x');
    expect(redact('  sshpass -p Wq7xLm2p ssh deploy@10.0.0.5')).not.toContain('Wq7xLm2p');
  });
});

describe('public keys and algorithm names', () => {
  const spki1024 = 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDN6hM0rsDYGbzQPQfOygqlRtQgKUXMfnSjhIBL7LnReAVBEd7ZmKtyN2qmSasMl4HZpMhVe2rPWVVwBDl6iyNE/Kok6E6v6V3vCLGsOpQAuuNVye/3QxzIldzG/jQAdWZiyXReRVapOhZtLjGfywCvlWq7Sl/e3sbc0vWybSDI2QIDAQAB';
  const spki2048 = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB';
  const pkcs8 = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
  const certificate = 'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ';
  it('tells a public key or certificate from a private key', () => {
    expect(isDerPublicKeyOrCertificate(spki1024)).toBe(true);
    expect(isDerPublicKeyOrCertificate(spki2048)).toBe(true);
    expect(isDerPublicKeyOrCertificate('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmHlKMfrXqg2Pb0NUd9d1ZmOXL9HB')).toBe(true);
    expect(isDerPublicKeyOrCertificate(certificate)).toBe(true);
    expect(isDerPublicKeyOrCertificate(pkcs8)).toBe(false);
    expect(isDerPublicKeyOrCertificate('MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun')).toBe(false);
  });
  it("keeps an extension manifest's public key and a JCA algorithm name", () => {
    const manifest = `{"manifest":{"description":"","key":"${spki1024}","name":"Web Store"}}`;
    expect(redact(manifest)).toBe(manifest);
    const line = '#keystore.pkcs12.keyProtectionAlgorithm = PBEWithHmacSHA256AndAES_256';
    expect(redact(line), line).toBe(line);
  });
  it('still redacts a private key body near its name', () => {
    expect(redact(`private_key: ${pkcs8}ABCDEF`)).not.toContain(pkcs8);
    expect(redact('signing key Zq8Wm3Xk5Rt7Yp2Lv9Nb4Hc6Jd1Gf0Sa')).not.toContain('Zq8Wm3Xk5Rt7Yp2Lv9Nb4Hc6Jd1Gf0Sa');
  });
});

describe("Chromium's protected preferences", () => {
  const mac = '7D3124ECAF7E96407EB65EAF5A43B02C7EE5F2D4A9FA38A9F371F9E1B74D6383';
  const encrypted = 'djEwntGC63MNa+3FPXvwkgoSZGXvXYrVoevkgw7qmK06Zwt7RdLbwPV3QCnGv8fsmfLO';
  it('keeps the MACs of settings under protection.macs', () => {
    const prefs = `{"protection":{"macs":{"enterprise_signin":{"policy_recovery_token":"${mac}","policy_recovery_token_encrypted_hash":"${encrypted}"},"session":{"restore_on_startup":"81940185F7F78D0317AB3741FA4A283985C31DB3BF95D3A4DDD4CD78FC5021F1"}}}}`;
    expect(redact(prefs)).toBe(prefs);
  });
  it('still redacts the same shape outside the MACs', () => {
    expect(redact(`{"enterprise_signin":{"policy_recovery_token":"${mac}"}}`)).not.toContain(mac);
  });
});

describe('locale modifiers', () => {
  it('keeps a gettext catalogue or locale named with @latin, @cyrillic, @euro', () => {
    for (const line of ['-rw-r--r-- 1 root root  9804 May 29  2025 systemd.be@latin.catalog', 'sr@latin.po uz@cyrillic.mo de_DE@euro.UTF-8']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts an address at a domain starting with such a word', () => {
    expect(redact('mail jan@latin.example.com now')).not.toContain('jan@latin');
  });
});

describe('logins after "granted to" and in lists', () => {
  it('keeps a verb after "granted to" and a value a list gives to every name', () => {
    for (const text of [
      '# should only be granted to create MBeans of known and trusted classes.',
      'kernel: unversioned\nlogin: unversioned\nlogrotate: unversioned',
    ]) {
      expect(redact(text), text).toBe(text);
    }
  });
  it('still redacts a grantee and a login under another user key', () => {
    expect(redact('access granted to hanxue')).not.toContain('hanxue');
    expect(redact('access granted to liming on /share')).not.toContain('liming');
    expect(redact('role assigned to gaoyan (read)')).not.toContain('gaoyan');
    expect(redact('owner: zhoujie\nlogin: zhoujie')).not.toContain('zhoujie');
    expect(redact('kernel: 6.1\nlogin: zhoujie')).not.toContain('zhoujie');
  });
});

describe('Debian copyright files', () => {
  it("keeps a licence's grant, a company or person after 'by', and licence short names", () => {
    for (const line of [
      ' Permission is granted to copy, distribute and/or modify this document',
      ' Permission is granted to make and distribute verbatim copies of',
      ' Permission has been granted to copy, distribute and modify gd in any',
      'This is source code modified by FUJITSU LIMITED under the Joint',
      '/* Modified by Guido van Rossum */',
      'License: GPL3+-with-Autoconf-Macros-exception',
      'License: BSD-3-clause-Aaron-D-Gifford',
      'License: APACHE-2-LLVM-EXCEPTIONS',
    ]) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts a login after "by" and a licence key', () => {
    expect(redact('report exported by zhoujie on 2026-03-01')).not.toContain('zhoujie');
    expect(redact('file modified by Gaoyan.')).not.toContain('Gaoyan');
    expect(redact('license_key = 8f3Kq9Xz2LmP7wR4tY6vGPL')).not.toContain('8f3Kq9Xz2LmP7wR4tY6vGPL');
    expect(redact('license: GPL-8f3Kq9Xz2LmP7wR4tY6v')).not.toContain('8f3Kq9Xz2LmP7wR4tY6v');
  });
});

describe('network profile: versions, X resources, free software sites', () => {
  const redactNetwork = (text: string) => new Redactor({ optionalRules: ['ipv4-public', 'ipv6-public', 'mac-address', 'hostname'] }).redactText(text).text;
  it('keeps four-number versions, X resources, RCS ids, OIDs and the sites of stock files', () => {
    for (const line of [
      'actioncable (6.1.7.10)',
      'rdoc (default: 6.4.1.1)',
      'minitest (5.15.0, 5.14.2)',
      '  Candidate: 17.0.21.1+2-1~deb12u1',
      '     17.0.21.1+2-1~deb12u1 500',
      '*next.top: \t\t\tChainTop',
      '! $XConsortium: Xmessage.ad,v 1.3 94/07/26 20:23:17 gildea Exp $',
      '#FallbackNTP=0.debian.pool.ntp.org 1.debian.pool.ntp.org',
      ' "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">',
      '# testoid1=1.2.3.4',
      '# (e.g. proxy.mydomain.com), proxyPort is the port number to use',
    ]) {
      expect(redactNetwork(line), line).toBe(line);
    }
  });
  it('still redacts public addresses and private host names', () => {
    expect(redactNetwork('connect to 8.8.4.4 (dns)')).not.toContain('8.8.4.4');
    expect(redactNetwork('peer 61.135.169.121+ ok')).not.toContain('61.135.169.121');
    expect(redactNetwork('upstream erp01.xxsoft.local:8080')).not.toContain('erp01.xxsoft');
    expect(redactNetwork('http://git.xxsoft.com/a/b')).not.toContain('git.xxsoft.com');
  });
});

describe('Python logging times are not CSV', () => {
  it('keeps the cells of a log whose first line has a milliseconds comma', async () => {
    const text = [
      "2026-12-06 03:46:13,209 INFO: [archive:TarFileArchive] initialised empty FileCacheArchive at '/tmp/sos'",
      "2026-12-06 03:46:13,209 INFO: [sos.report:setup] executing 'sos report --batch --only-plugins apt,date,kernel,login,logrotate,logs'",
      "2026-12-06 03:46:14,996 INFO: [plugin:process] added cmd output 'ps axo flags,state,uid,pid,ppid,pgid,sid,cls,pri,addr,sz,wchan:20,lstart,tty,time,cmd'",
      '',
    ].join('\n');
    const redactor = new Redactor();
    const stream = redactor.createStream({ name: 'sos.log' });
    const out: Buffer[] = [];
    stream.on('data', (b: Buffer) => out.push(b));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    stream.end(Buffer.from(text));
    await done;
    expect(Buffer.concat(out).toString('utf8')).toBe(text);
  });
});

describe('addresses that are no mailbox', () => {
  it("keeps a message id in an archive's URL and stand-in domains of stock files", () => {
    for (const line of [
      '# (https://www.postgresql.org/message-id/flat/Yvo/5No5S0c4EFMj%40msg.df7cb.de)',
      'see https://lists.debian.org/msgid-search/87abc@debian.org',
      '#header = From: Your Name <username@site.domain>',
      '# sender=e2scrub@host.domain.name',
    ]) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts real addresses', () => {
    expect(redact('mail to li.ming@xxsoft.com ok')).not.toContain('li.ming@xxsoft.com');
    expect(redact('ticket from zhangwei@domain.com.cn')).not.toContain('zhangwei@domain.com.cn');
    expect(redact('see https://mail.xxsoft.com/owa/?to=gaoyan%40xxsoft.com')).not.toContain('gaoyan');
  });
});

describe('CVSROOT', () => {
  it('keeps an access method and a login', () => {
    const line = '  cvs://:pserver:anoncvs@sources.redhat.com:/cvs/src';
    expect(redact(line)).toBe(line);
  });
  it('still redacts a password in a CVSROOT or a URL', () => {
    expect(redact('cvs://:pserver:anoncvs:Zx9Lq2Wp@cvs.xxsoft.com:/cvs')).not.toContain('Zx9Lq2Wp');
    expect(redact('https://:Zx9Lq2Wp@git.xxsoft.com/a.git')).not.toContain('Zx9Lq2Wp');
  });
});

describe("stock PAM files' commented examples", () => {
  it('keeps a quoted example user in a # comment', () => {
    for (const text of ['# User "john" should get access from ipv4 net/mask\n#+:john:127.0.0.0/24', "## user 'morgan' gets the CAP_SETFCAP inheritable capability (commented out!)", "# the user 'sword' is given access to games (through membership of"]) {
      expect(redact(text), text).toBe(text);
    }
  });
  it('still redacts a quoted user in a log line', () => {
    expect(redact('2026/03/18 10:21:07 [error] user "zhouxin" was not found in "/etc/nginx/htpasswd"')).not.toContain('zhouxin');
    expect(redact("FATAL:  password authentication failed for user 'liuyang'")).not.toContain('liuyang');
  });
});
