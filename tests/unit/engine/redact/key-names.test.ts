/** Which key names hold secrets, and which values are stand-ins. */
import { describe, expect, it } from 'vitest';
import { isBenignValue, isSecretKey, keyWords } from '../../../../electron/engine/redact/key-names.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';

describe('key names', () => {
  it('splits keys into words', () => {
    expect(keyWords('smtpPassword')).toEqual(['smtp', 'password']);
    expect(keyWords('DB_PASSWORD')).toEqual(['db', 'password']);
    expect(keyWords('APIKey')).toEqual(['api', 'key']);
    expect(keyWords('x-api-key')).toEqual(['x', 'api', 'key']);
    expect(keyWords('数据库密码')).toEqual(['数据库密码']);
  });

  it('recognises secret keys in many spellings', () => {
    for (const key of ['password', 'PASSWD', 'pwd', 'db_pass', 'smtpPassword', 'DB_PASSWORD', 'dbpassword', 'api_key', 'apiKey', 'ACCESS_KEY', 'client_secret', 'auth', 'credentials', 'private_key', 'secret_key_base', 'auth_token', 'encryptionKey', 'session_id', 'JSESSIONID', '密码', '数据库密码', '接口密钥', 'storePassword', 'requirepass']) {
      expect(isSecretKey(key, 'assignment'), key).toBe(true);
    }
  });

  it('rejects keys that only describe a secret or are not about one', () => {
    for (const key of ['token_expiry', 'password_policy', 'PASSWORD_MIN_LENGTH', 'maxPasswordAge', 'is_password_set', 'token_type', 'token_url', 'keyFile', 'secret_name', 'PublicKeyToken', 'public_key', 'next_page_token', 'keys', 'key', 'monkey', 'bypass', 'passed', 'compass', 'secretary', 'tokenizer', 'author', 'authority', 'TokenService.java', 'c.a.x.auth.LoginController']) {
      expect(isSecretKey(key, 'assignment'), key).toBe(false);
    }
  });

  it('treats key, sig, code and sid as secrets in URLs only', () => {
    for (const key of ['key', 'sig', 'code', 'sid', 'X-Amz-Signature', 'X-Amz-Credential', 'access_token']) expect(isSecretKey(key, 'url'), key).toBe(true);
    for (const key of ['error_code', 'page_token', 'X-Amz-Expires']) expect(isSecretKey(key, 'url'), key).toBe(false);
    expect(isSecretKey('key', 'assignment')).toBe(false);
  });

  it('knows stand-in values', () => {
    for (const v of ['', 'true', 'FALSE', 'null', 'none', '***', '<redacted>', '[hidden]', '${DB_PASSWORD}', '${VAULT', '%PWD%', '{{ .Values.pw }}', '$DB_PASS', 'Bearer', '!vault', '/etc/openvpn/auth.txt', 'C:\\secrets\\db.txt', 'not configured', 'not set', 'unknown']) {
      expect(isBenignValue(v), v).toBe(true);
    }
    for (const v of ['hunter2', 'password', 'changeme', '123456', 'p@ss word', 'abc=def']) expect(isBenignValue(v), v).toBe(false);
  });
});

// Found on this machine's own logs (dpkg.log, apt's term.log with Redmine and PostgreSQL set up,
// RT's site config): one false secret was learned and then replaced everywhere it appeared.
describe('what real Debian logs put after a secret-named key', () => {
  const redact = (text: string) => new Redactor().redactText(text).text;

  it('keeps architectures, migration states and auth methods', () => {
    for (const v of ['amd64', 'all', 'arm64', 'i386', 'migrated', 'migrating', 'peer', 'scram-sha-256', 'md5']) expect(isBenignValue(v), v).toBe(true);
    const lines = [
      '2025-06-24 14:36:40 install python3-jwt:amd64 <none> 2.6.0-1',
      '2026-12-06 00:54:39 status unpacked libhttp-cookies-perl:all 6.10-1',
      '== 20160404080304 ForcePasswordResetDuringSetup: migrated (0.0010s) =========',
      '/usr/lib/postgresql/15/bin/initdb -D /var/lib/postgresql/15/main --auth-local peer --auth-host scram-sha-256',
      '-- change_column_default("auth_sources", "onthefly_register", false)',
      '# (RT::Authen::Token::UserForAuthString). RT\'s default cost 12',
      'Created symlink /etc/systemd/system/getty.target.wants/getty@tty1.service → /lib/systemd/system/getty@.service.',
      // Stock files of /etc on Debian.
      '#   MACs hmac-md5,hmac-sha1,umac-64@openssh.com,hmac-ripemd160',
      'passwd:         files systemd',
      '# DATABASE can be "all", "sameuser", "samerole", "replication", a',
      '# should be created by either modifying this file, or by creating "drop-ins" in',
      '# Which fields may be changed by regular users using chfn - use',
      '# dbc_remember_admin_pass: should we cache administrative passwords?',
      '# dbc_dbpass: database user password',
      '        MetaKey "$(COMPONENT)/dep11/icons-64x64@2.tar";',
      'Pin: origin deb.nodesource.com',
      'Pin-Priority: 600',
      '        passwd=$(getent passwd "$user")',
      // wevtutil qe System /f:text (tests/fixtures/win32).
      '  User: S-1-5-20',
      '  User Name: NT AUTHORITY\\NETWORK SERVICE',
      '  User Name: N/A',
      // dpkg's status file, openssl.cnf, /etc/skel/.bashrc.
      ' /etc/pam.d/passwd eaf2ad85b5ccd06cceb19a3e75f40c63',
      'Maintainer: Shadow package maintainers <pkg-shadow-devel@lists.alioth.debian.org>',
      ' Set-Cookie2: and Set-Cookie: headers and are able to use this information to',
      ' str2time(), are exported by default.',
      ' If hostname verification is requested by LWP::UserAgent',
      '# ~/.bashrc: executed by bash(1) for non-login shells.',
      'private_key	= $dir/private/cakey.pem# The private key',
      'challengePassword		= A challenge password',
      'secret = # disable PBM',
      // npm's debug log.
      "6037 silly tar     absolute: '/tmp/x/node_modules/@smithy/credential-provider-imds/dist-types/ts3.4/remoteProvider/ImdsCredentials.d.ts',",
    ];
    for (const line of lines) expect(redact(line), line).toBe(line);
  });

  it('still takes real values in the same shapes', () => {
    expect(redact('token:Xq7mZ2pL9w')).not.toContain('Xq7mZ2pL9w');
    expect(redact('db_password: hunter2x')).not.toContain('hunter2x');
    expect(redact('notify zhang.san@xxsoft.com about it')).not.toContain('zhang.san@xxsoft.com');
    expect(redact('pin=8426')).not.toContain('8426');
    expect(redact('# password: hunter2x for the test box')).not.toContain('hunter2x');
    expect(redact('report changed by liuyang at 09:12')).not.toContain('liuyang');
    expect(redact('passwd: Qx7-files')).not.toContain('Qx7-files');
    expect(redact('  User Name: XXSOFT\\liuyang')).not.toContain('liuyang');
    expect(redact('Cookie: JSESSIONID=abc123def456')).not.toContain('abc123def456');
    expect(redact('password: correct horse battery staple')).not.toContain('horse battery');
    expect(redact('password = my secret key 2024')).not.toContain('key 2024');
    expect(redact('the job was created by liuyang.')).not.toContain('liuyang');
    expect(redact('using credential 9f8Xk2Lq/7Zw3Pm0Vb5Nc8Rt1Yh4Jd6G now')).not.toContain('9f8Xk2Lq/7Zw3Pm0Vb5Nc8Rt1Yh4Jd6G');
    expect(redact('  User: S-1-5-21-3623811015-3361044348-30300820-1013')).not.toContain('3623811015-3361044348-30300820-1013');
  });
});
