/**
 * Session 19 (fp20): the corpus's false positives by cause — keys that say how a secret is hashed, which one is meant or how
 * the account is found (`…_SCHEME`, `…Identity`, `…_FILTER`), a public key's fingerprint, a package's version in a list, a
 * logger's `module:function:line`, a vendor's signing scheme before its parameters, a PHP console's `namespace:command`, a
 * generated object id under `uid`. Each fix with variants the fixtures do not have, the look-alikes that must survive, and
 * the true positives they resemble, which must still be taken. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { isProse } from '../../../../electron/engine/redact/common-words.js';
import { isBenignValue, isSecretKey } from '../../../../electron/engine/redact/key-names.js';
import { keepsWords as keeps, redact, takesAs } from './helpers.js';

const unchanged = (...lines: string[]): void => {
  for (const line of lines) expect(redact(line), line).toBe(line);
};

describe('fp20: keys that describe a secret rather than hold one', () => {
  it('keeps a hashing scheme, a pre-shared key identity and a search filter', () => {
    unchanged(
      'MAILCOW_PASS_SCHEME=BLF-CRYPT',
      'default_pass_scheme = SHA512-CRYPT',
      'password_scheme: ARGON2ID',
      'PASSWORD_SCHEME=SSHA512',
      'TLSPSKIdentity=PSK-erp-db-01',
      'tls_psk_identity: psk-web-03',
      'zabbix_get -s 10.0.0.9 -k agent.ping --tls-connect psk --tls-psk-identity PSK-core-01 --tls-psk-file /etc/zabbix/core.psk',
      'AUTH_LDAP_SEARCH_FILTER: (sAMAccountName=%(user)s)',
      'AUTH_LDAP_USER_FILTER="(uid=%(user)s)"',
      'ldap_auth_filter = (&(objectClass=person)(uid=%s))',
    );
    expect(isSecretKey('MAILCOW_PASS_SCHEME', 'assignment')).toBe(false);
    expect(isSecretKey('TLSPSKIdentity', 'assignment')).toBe(false);
    expect(isSecretKey('AUTH_LDAP_SEARCH_FILTER', 'assignment')).toBe(false);
  });
  it('still takes the secrets beside them', () => {
    takesAs('SECRET', 'MAILCOW_PASS=Mc0w!x-2026', 'Mc0w!x-2026');
    takesAs('SECRET', 'AUTH_LDAP_BIND_PASSWORD: Ldap#Bind-2026', 'Ldap#Bind-2026');
    takesAs('SECRET', 'auth_password=Pw-Scheme!9', 'Pw-Scheme!9');
    expect(isSecretKey('tls_psk', 'assignment')).toBe(true);
    expect(isSecretKey('psk_key', 'assignment')).toBe(true);
  });
});

describe('fp20: values that name no secret', () => {
  it('keeps a public key fingerprint under a key name', () => {
    unchanged(
      '{"level":"info","ssh_key":"SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8","message":"remote shell opened"}',
      'ssh_key_fingerprint: SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
      'ssh_key: MD5:9f:2c:1a:4b:7e:3d:00:aa:bb:cc:dd:ee:ff:10:20:30',
    );
    expect(isBenignValue('SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8')).toBe(true);
    expect(isBenignValue('SHA1:Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc=')).toBe(true);
  });
  it('still takes a key or a secret that is no fingerprint', () => {
    takesAs('SECRET', 'api_key: SHA256:NotAFingerprint!x', 'NotAFingerprint!x');
    takesAs('SECRET', 'secret_key: 9f2c1a4b7e3d00aabbccddeeff102030aabbccdd', '9f2c1a4b7e3d00aabbccddeeff102030aabbccdd');
    // A Jetty realm's MD5 hash is still a stored password.
    takesAs('SECRET', 'admin: MD5:164c88b302622e17050af52c89945d44,user', '164c88b302622e17050af52c89945d44');
  });
  it('keeps a package version whose name holds a key word (pip list, conda-like columns)', () => {
    unchanged(
      'asttokens                 3.0.1',
      'secretstorage             3.3.3',
      'tokenizers                0.15.0',
      'passlib                   1.7.4',
      'keyring                   25.6.0',
      'python-jose  3.3.0',
      'pycryptodome 3.20.0.post1',
    );
  });
  it('still takes a directive whose value is a password, digits and dots included', () => {
    takesAs('SECRET', 'requirepass Redis#2024', 'Redis#2024');
    takesAs('SECRET', 'requirepass 3.3.3-Xy!', '3.3.3-Xy!');
    takesAs('SECRET', 'masterauth 12.5.7b!', '12.5.7b!');
  });
});

describe("fp20: a logger's source position", () => {
  it('keeps `module:function:line` after the module', () => {
    unchanged(
      '2026-12-06 09:12:44.902 | DEBUG    | sync.auth:login:88 - signing in',
      '2026-12-06 09:12:44.902 | INFO     | app.auth.token:refresh:142 - token refreshed',
      '2026-12-06 09:12:44.902 | ERROR    | auth:<module>:12 - boom',
    );
  });
  it('still takes a value after an auth key that is no position', () => {
    takesAs('SECRET', 'auth:Hunter2xyz9', 'Hunter2xyz9');
    takesAs('SECRET', 'password:admin:1234', 'admin:1234');
  });
});

describe("fp20: a vendor's signing scheme before its parameters", () => {
  it('keeps the scheme and takes the credential and the signature', () => {
    const tc3 = redact(
      "headers={'Authorization': 'TC3-HMAC-SHA256 Credential=AKIDq7Xm2Lw9Nv4Rb8Tc3Yz6Hd1Fs5Gj0Kp/2026-12-06/sms/tc3_request, SignedHeaders=content-type;host, Signature=3f1a9b2c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a', 'X-TC-Action': 'SendSms'}",
    );
    expect(tc3).toContain("'TC3-HMAC-SHA256 Credential=<");
    expect(tc3).not.toContain('AKIDq7Xm2Lw9Nv4Rb8Tc3Yz6Hd1Fs5Gj0Kp');
    expect(tc3).not.toContain('3f1a9b2c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a');
    const acs3 = redact('Authorization: ACS3-HMAC-SHA256 Credential=LTAI5tQx9Rk2Lm7Wn4Vb8Tc1,SignedHeaders=host;x-acs-action,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
    expect(acs3).toContain('ACS3-HMAC-SHA256 Credential=<');
    expect(acs3).not.toContain('LTAI5tQx9Rk2Lm7Wn4Vb8Tc1');
    expect(acs3).not.toContain('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
    const wechat = redact(
      '    headers: {"authorization":"WECHATPAY2-SHA256-RSA2048 mchid=\\"1617283945\\",nonce_str=\\"8FB9A3C1E07D4B62\\",signature=\\"kP3x9Lm2Vq7Wn4Rb8Tc1Yz6Hd0Fs5Gj2Ka7Lp9Qe3Rt=\\",timestamp=\\"1796540620\\"}"',
    );
    expect(wechat).toContain('WECHATPAY2-SHA256-RSA2048 mchid=\\"1617283945\\"');
    expect(wechat).not.toContain('kP3x9Lm2Vq7Wn4Rb8Tc1Yz6Hd0Fs5Gj2Ka7Lp9Qe3Rt');
    expect(isBenignValue('SDK-HMAC-SHA256')).toBe(true);
    expect(isBenignValue('EG1-HMAC-SHA256')).toBe(true);
  });
  it('still takes a token after Authorization, with or without a scheme word', () => {
    takesAs('TOKEN', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abcDEF123456', 'eyJhbGciOiJIUzI1NiJ9abcDEF123456');
    takesAs('TOKEN', 'Authorization: Zk8-Qx2mW9vLr4Tn7Yp3', 'Zk8-Qx2mW9vLr4Tn7Yp3');
    takesAs('TOKEN', 'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024', 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024');
  });
});

describe("fp20: a PHP console's namespace:command and a generated uid", () => {
  it('keeps occ/artisan/drush commands named `user:…`, takes the login they act on when it is one', () => {
    // The command stays; the account it acts on is a login (login20's occ grammar takes it).
    keeps('www-data@cloud:/var/www/nextcloud$ php occ user:lastseen tao.yiran', 'user:lastseen');
    takesAs('USER', 'www-data@cloud:/var/www/nextcloud$ php occ user:lastseen tao.yiran', 'tao.yiran');
    keeps('www-data@cloud:/var/www/nextcloud$ php occ user:setting lizixuan settings email', 'user:setting');
    takesAs('USER', 'www-data@cloud:/var/www/nextcloud$ php occ user:setting lizixuan settings email', 'lizixuan');
    unchanged(
      '$ php artisan user:create --admin',
      '$ drush user:login --name=admin',
      'sudo -u www-data php /var/www/nextcloud/occ user:resetpassword --password-from-env',
    );
    keeps('$ php occ user:add --password-from-env --display-name="Li" --group="fin" lizixuan', 'user:add');
  });
  it('still takes a login written `user:x` outside a console', () => {
    takesAs('USER', 'user:lisi logged in from 10.0.0.5', 'lisi');
    takesAs('USER', 'auth ok user:zhang.wei', 'zhang.wei');
  });
  it('keeps a generated object id under uid, takes a login there', () => {
    unchanged('      - uid: de7kq2m9vx0ahb', '  uid: fe1lp8w3nz6ctd', 'uid: P8E80F9AEF21F6940');
    takesAs('USER', 'uid: zhangwei01', 'zhangwei01');
    takesAs('USER', 'ldap uid=jdoe2024x', 'jdoe2024x');
  });
});

describe('fp20: a Zabbix agent 2 plugin key takes its password as a parameter', () => {
  it('takes the password of mysql/pgsql/redis keys', () => {
    takesAs('SECRET', `zabbix_get -s 10.70.2.15 -k 'mysql.ping["tcp://10.70.2.15:3306","zbx_monitor","Zbx-Mon#3306erp"]'`, 'Zbx-Mon#3306erp');
    takesAs('SECRET', "zabbix_get -s db01 -k pgsql.ping['tcp://db01:5432',zbx_monitor,Pg-M0n!tor,postgres]", 'Pg-M0n!tor');
    takesAs('SECRET', 'zabbix_get -s r1 -k redis.ping[tcp://r1:6379,R3dis#Pass]', 'R3dis#Pass');
  });
  it('keeps macros, empty passwords and other keys', () => {
    unchanged(
      'zabbix_get -s db -k mysql.ping[{$MYSQL.URI},{$MYSQL.USER},{$MYSQL.PASSWORD}]',
      'mysql.get_status_variables["tcp://h:3306","zbx",""]',
      'value of redis.info[default] was 12',
      'zabbix_get -s 10.70.2.15 -k vfs.fs.size[/,used]',
    );
  });
});

describe("fp20: this machine's manuals and changelogs", () => {
  it("keeps a manual's option heading and its metavariable, and a key naming a file descriptor", () => {
    unchanged(
      '       --passphrase string',
      '       --secret-keyring file',
      '       --passphrase-repeat n',
      '       --override-session-key-fd fd',
      '       --password-file path [--verbose]',
      '   --passphrase-fd 0',
    );
  });
  it('still takes a password after its flag on a command line or a continued one', () => {
    takesAs('SECRET', '  --password hunter2', 'hunter2');
    takesAs('SECRET', 'mysqldump --password secret', 'secret');
    takesAs('SECRET', '  --password Hunter2 \\', 'Hunter2');
    takesAs('SECRET', '  --passphrase Gpg-Pass#2026', 'Gpg-Pass#2026');
  });
  it('keeps a flag named in a sentence and a contraction after a login key', () => {
    unchanged(
      '       one started with the --login option.',
      '       shell with the --user flag, it reads',
      "  * usr.lib.dovecot.script-login: don't include non-existent local override file",
      "  * login: can't happen any more",
    );
    takesAs('USER', 'ssh --login zhangsan host', 'zhangsan');
    takesAs('USER', 'login: lisi', 'lisi');
  });
  it("keeps a version's build after `+`, takes a phone number after its label", () => {
    unchanged(
      'llvm-toolchain-snapshot (1:10~+20191229111838+6991d5728f1-1~exp1) experimental; urgency=medium',
      'app 2.1.0+20240101093000 built',
      'libfoo1 (3.2~rc1+20230115120000-1)',
    );
    takesAs('PHONE', 'Tel: +8613912345678', '8613912345678');
    takesAs('PHONE', 'call +44 20 7946 0958 now', '7946 0958');
    takesAs('PHONE', '联系电话:+8613912345678', '8613912345678');
  });
});

describe('fp20 tidy: one answer to "prose, not a value"', () => {
  it('is a common word, a program name, a Han word or a phrase of common words', () => {
    for (const p of ['info', 'upstream', 'option.', 'Backport upstream patch to', 'debian-release']) expect(isProse(p), p).toBe(true);
    for (const p of ['zhang-wei', 'Grace Walker', 'Zbx-Mon#3306erp', 'lizixuan', 'correct horse battery staple']) expect(isProse(p), p).toBe(false);
  });
});
