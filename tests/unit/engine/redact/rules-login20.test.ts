/**
 * Logins the redactor missed across the corpus sets (task login20, session 19), fixed by their family's grammar: admin CLIs
 * that name an account by position (Nextcloud `occ user:* x`, `bitsadmin /setcredentials … x pw`, admin-cli.ts), a
 * console's `namespace:command` that is no `user:` key (rule-validators.ts), and the prose of application logs (log-prose.ts:
 * `user [x] login success`, `reset password for x`, `password of user x`, `disabled account x`, `failed for subject "x"`).
 * Other wordings, quotes and separators than the fixtures', and the look-alikes that must stay (by the corpus's convention
 * `root`, `admin`, `guest`, `anonymous` and service accounts stay). A fresh Redactor per case; the password beside a login
 * is another rule's: these tests look at the login only.
 */
import { describe, it } from 'vitest';
import { keepsWords as keeps, takesLogins as takes, unchanged } from './helpers.js';

describe('login20: Nextcloud/ownCloud occ account commands (admin-cli.ts)', () => {
  it('takes the login after the subcommand and its options, at any prompt', () => {
    takes('www-data@cloud:/var/www/nextcloud$ php occ user:add --password-from-env --display-name="Li Na" --group="finance" li.na', 'li.na');
    takes('$ sudo -u www-data php occ user:delete wang_fang', 'wang_fang');
    takes("./occ user:disable 'chen.jie'", 'chen.jie');
    takes('php occ user:setting zhou.min settings email zhou@example.org', 'zhou.min');
    takes('php occ twofactorauth:disable liu_yang3 totp', 'liu_yang3');
    takes('php occ group:removeuser "Finance" sun.hao', 'sun.hao');
    takes('php occ group:adduser --no-interaction staff qin.mo', 'qin.mo');
  });
  it('keeps the subcommands (no `user:` key) and commands without a login', () => {
    unchanged([
      'php occ user:list',
      'php occ user:report',
      'php occ user:list --output=json_pretty',
      'php occ maintenance:mode --on',
      'php occ user:setting admin core lang',
      'php artisan user:create --name=x',
      'bin/console user:promote',
      'drush user:login',
    ]);
    keeps('php occ user:lastseen', 'user:lastseen');
    keeps('php occ user:resetpassword --password-from-env', 'user:resetpassword');
  });
});

describe('login20: bitsadmin /setcredentials (admin-cli.ts)', () => {
  it('takes the login after the job, the target and the scheme, in any case', () => {
    takes('C:\\Windows\\system32>bitsadmin /setcredentials DrvPkg SERVER BASIC dl_wangli Sy-Dl#2026pkg', 'dl_wangli');
    takes('BITSADMIN.EXE /SETCREDENTIALS nightly PROXY NEGOTIATE zhang.wei Pw1!', 'zhang.wei');
    takes('bitsadmin /SetCredentials sync server digest chenjie88 x', 'chenjie88');
  });
  it('keeps the built-in account and the other switches', () => {
    unchanged(['bitsadmin /setcredentials job SERVER BASIC admin pw', 'bitsadmin /setnotifyflags job 3', 'bitsadmin /setproxysettings job OVERRIDE proxy:8080 <local>', 'bitsadmin /info job /verbose']);
  });
});

describe('login20: the prose of application logs (log-prose.ts)', () => {
  it('takes a bracketed login before `login success` and the other outcomes', () => {
    takes('c.a.c.s.dashboard.auth.LoginAuthenticationFilter : user [ops_gq3] login success, remote 10.0.7.41', 'ops_gq3');
    takes('user [liu_yang3] login failed', 'liu_yang3');
    takes('User [wangfang] logged out', 'wangfang');
  });
  it('takes the login whose password was reset, changed or expired', () => {
    takes('Successfully reset password for tao.yiran', 'tao.yiran');
    takes('Successfully reset password for the user: chen_jie', 'chen_jie');
    takes('INFO changed the password for user "wang.fang"', 'wang.fang');
    takes('expired password for account=zhou_min', 'zhou_min');
  });
  it('takes the login whose password, roles or tokens are named', () => {
    takes('[req=44de0b7a2c] - password of user lindqvist.m reset by admin, temporary password Tide-Tmp-58213', 'lindqvist.m');
    takes('token of user zhou_min revoked', 'zhou_min');
    takes('roles of user "sun.hao" changed', 'sun.hao');
  });
  it('takes the login of an account a job or an administrator acts on', () => {
    takes('[INFO/ForkPoolWorker-1] disabled account lu.mingxuan (卢明轩) — left 2026-11-30', 'lu.mingxuan');
    takes('locked account wang.fang after 5 failed attempts', 'wang.fang');
    takes('Disabled the user account "sun_hao".', 'sun_hao');
    takes('deactivated account zhangwei by admin', 'zhangwei');
  });
  it('takes the subject of a token whose check failed', () => {
    takes('WARN  c.k.courier.Auth - JWT validation failed for subject "chai.junxi": Token has expired', 'chai.junxi');
    takes("auth failed for subject 'zhou.min'", 'zhou.min');
  });
  it('takes the administrator named as an audit field, as `actor`', () => {
    takes('{"time":"2026-12-06T03:12:44.120Z","level":"INFO","msg":"admin login","admin":"m.devries","mfa":true}', 'm.devries');
    takes('level=info msg="admin login" admin=wang_fang mfa=true', 'wang_fang');
    takes('{"event": "refund.approved", "admin": "chenjie88"}', 'chenjie88');
  });
  it('keeps switches, built-in accounts, groups and components under `admin`', () => {
    unchanged(['admin=true', '"admin":"true"', '{"admin": "yes"}', 'is_admin=true', 'admin=root', '"admin":"admin"', '"admin":"guest"', 'admin=enabled', '"admin": "none"', 'admin=1', '"admin":{"enabled":true}', '"admin":"ops-team"', '"admin":"admin-portal"', 'admin="Zhang Wei"', '"role":"admin"', 'sys_admin=wang.fang']);
  });
  it('keeps words, counts, built-in accounts and settings', () => {
    unchanged([
      'user agent: Mozilla/5.0',
      'user id 42 logged in',
      'for user defaults',
      'Current user: admin',
      'Current user: anonymous',
      'user [admin] login success',
      'user [guest] login success',
      'user [INFO] login success',
      'reset password for root',
      'reset password for all users',
      'updated password for 3 users',
      'changed password for service account',
      'password of user admin reset',
      'settings of user interface saved',
      'sessions of user agent strings',
      'disabled account lockout',
      'disabled account lockout policy',
      'created account admin.',
      'enabled account sync',
      'Enabled account settings page',
      'validation failed for subject alternative names',
      'Validation failed for subject CN=foo,O=bar',
      'failed for subject 42',
    ]);
  });
});
