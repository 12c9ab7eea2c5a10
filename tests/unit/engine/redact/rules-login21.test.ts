/**
 * Logins the redactor missed across the corpus sets (task login21, session 20), fixed by their family's grammar
 * (login-slots.ts, and rules.ts's pg_hba line as a YAML list item): a macOS keychain's `"acct"<blob>=`, a VPN profile's
 * `AuthName =`, a quoted login before its account noun (`failed for the 'x' principal name`), a framework's
 * `Principal(x, …)`, an SDK's `setUserIdentifier(x)`, an ORM's `find_by_login("x")`, a Proxmox `x@pve`, a brace config's
 * `user x {` / `login x`, a Chinese account noun with a qualifier (`学车账号 (122 app)：x`).
 * Other wordings, quotes and separators than the fixtures', and the look-alikes that must stay. By the corpus's convention
 * (tuned, held-out-5, app-logs) `root`, `admin`, `guest`, `anonymous` and service accounts (`crm_app`, `svc-bind`) stay.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords as keeps, takesLogins as takes, unchanged } from './helpers.js';

describe('login21: macOS keychain dumps', () => {
  it('takes the account attribute, quoted or after its hex', () => {
    takes('    "acct"<blob>="mrossi"', 'mrossi');
    takes('attributes:\n    "acct"<blob>="li.na"\n    "svce"<blob>="Cyberduck"', 'li.na');
    takes('    "acct"<blob>=0x616B756D6172  "akumar"', 'akumar');
  });
  it('keeps the other attributes and an empty account', () => {
    unchanged(['    "svce"<blob>="Cyberduck"', '    "acct"<blob>=<NULL>', '    "labl"<blob>="ftp.example.org"']);
  });
});

describe('login21: a VPN/PPP account of a macOS profile (AuthName)', () => {
  it('takes the login after = or :, quoted or not, in old-style plists and JSON', () => {
    takes('PPP = { AuthName = "wenjing.xu"; AuthPassword = "x"; };', 'wenjing.xu');
    takes('IPSec = { XAuthName = kpetrov; };', 'kpetrov');
    takes('{"PPP": {"AuthName": "ana.lima", "AuthenticationMethod": "Password"}}', 'ana.lima');
    takes('AuthName: jdoe_vpn', 'jdoe_vpn');
  });
  it("keeps Apache's AuthName (a realm's title) and the key without a value", () => {
    unchanged(['AuthName "Restricted Area"', '    AuthName "Members only"', 'AuthName = ;', 'AuthType Basic']);
  });
});

describe('login21: a quoted login before its account noun', () => {
  it('takes it after an outcome and `for (the)`', () => {
    takes("CWWIM4512E The password match failed for the 'zhangxiaoyan' principal name.", 'zhangxiaoyan');
    takes('Authentication denied for the "mrossi" account', 'mrossi');
    takes("password check failed for 'akumar' user", 'akumar');
    takes('Kerberos pre-authentication failed for the "jdoe" principal', 'jdoe');
  });
  it('keeps built-in accounts and unquoted prose', () => {
    unchanged(["Authentication failed for the 'default' user", "login failed for the 'anonymous' user", 'failed for the user account', "password match failed for the 'admin' principal name"]);
  });
});

describe("login21: a framework's security principal", () => {
  it('takes the name in Principal(…), UserPrincipal[name=…], {…}', () => {
    takes('Login succeeded: Principal(dgallagher, roles=Set(adjuster))', 'dgallagher');
    takes('auth ok: UserPrincipal[name=akumar]', 'akumar');
    takes('JMXPrincipal{mrossi} connected', 'mrossi');
    takes('authenticated as KerberosPrincipal("li.na")', 'li.na');
  });
  it('keeps variables, built-in names and ids', () => {
    unchanged(['return new UserPrincipal(username, roles)', 'Principal(anonymous)', 'KerberosPrincipal(name)', 'Principal(U05B7N1XR2A)', 'Principal(currentUser)', 'Principal(id=42)']);
  });
});

describe('login21: a crash or analytics SDK told who the user is', () => {
  it('takes the login, quoted or not', () => {
    takes('flutter: WARN  Crashlytics: setUserIdentifier(lobrien)', 'lobrien');
    takes('FirebaseAnalytics.setUserId("jdoe.smith")', 'jdoe.smith');
    takes("Bugsnag.setUser('mrossi', 'm.rossi@example.org', 'Mario Rossi')", 'mrossi');
    takes('AppCenter.setUserName(akumar)', 'akumar');
  });
  it('keeps opaque ids, numbers, variables and null', () => {
    unchanged([
      'setUserId(b8a3f1c27e6d4095a2c7e13f5d08b964)',
      'setUserId(42)',
      'Crashlytics.setUserId(userId)',
      'setUserId(user_id)',
      'FirebaseAnalytics.setUserId(user.id)',
      'Sentry.setUser(null)',
      'setUser(undefined)',
      'this.setUser(user)',
      'setUserIdentifier(U05B7N1XR2A)',
    ]);
  });
});

describe('login21: an ORM or console lookup by login', () => {
  it('takes the quoted login of the finder', () => {
    takes(`bundle exec rails runner 'u=User.find_by_login("sunhaotian"); u.save!'`, 'sunhaotian');
    takes("User.find_by_username!('kwang')", 'kwang');
    takes('UserDetails d = service.loadUserByUsername("mrossi");', 'mrossi');
    takes("repo.findByUsername('li.na')", 'li.na');
    takes("users.get_by_login('akumar')", 'akumar');
  });
  it('keeps variables, built-in accounts and other finders', () => {
    unchanged(['User.find_by_login(params[:login])', 'User.find_by_login("admin")', 'findByUsername(username)', 'User.find_by_email(email)', 'Order.find_by_id("42")']);
  });
});

describe('login21: a Proxmox VE user id', () => {
  it('takes the login before its realm, the realm and a token name stay', () => {
    expect(takes('  username     = "packer@pve"', 'packer')).toContain('@pve"');
    expect(takes('pveum acl modify / --users terraform@pve!deploy --roles PVEAdmin', 'terraform')).toContain('@pve!deploy');
    takes('pveum user add jdoe@pam', 'jdoe');
    takes('PM_USER=ansible_li@pve', 'ansible_li');
    takes('--username li.na@pve --password-file /root/p', 'li.na');
  });
  it('keeps built-in accounts, a host named pve and PAM', () => {
    unchanged(['ssh root@pve', 'username = "root@pam"', 'mail to admin@pve', 'auth required pam_unix.so', 'see pam(8)', 'scp build.tar deploy@pve:/tmp']);
  });
});

describe('login21: a brace-structured device config', () => {
  it('takes `user x {` and a block`s `login x`', () => {
    takes('system {\n    login {\n        user emeka {\n            authentication {', 'emeka');
    takes('    login {\n        user mrossi {\n            level admin', 'mrossi');
    takes('service dyndns {\n    host-name home.dyndns.org\n                    login chiokonkwo\n', 'chiokonkwo');
    takes('  login li.na;', 'li.na');
  });
  it('keeps built-in accounts, words and lines that are not alone', () => {
    unchanged(['        user nobody {', '        user www-data {', '   login required;', '   login myself', '        user vyos {', '        user ubnt {', 'login chiokonkwo', 'user emeka { x }']);
  });
});

describe('login21: a Chinese account noun with a qualifier', () => {
  it('takes the login after the bracketed qualifier and the colon', () => {
    takes('学车账号 (122 app)：ingrid.larsen87 初始密码：Td@122-0514', 'ingrid.larsen87');
    takes('登录账号（OA）：zhang.wei', 'zhang.wei');
    takes('用户名(SSO): mrossi', 'mrossi');
    takes('帐号（工号）：wangfang2', 'wangfang2');
  });
  it('keeps numbers (a phone is another rule`s) and words after it', () => {
    keeps('账号（手机号）：13800138000', '账号（手机号）：');
    unchanged(['账号（选填）：', '用户名(必填): admin']);
  });
});

describe('login21: a pg_hba line as a YAML list item', () => {
  it('takes the user column of `- host …`', () => {
    takes('    - host replication replicator_fin 10.50.3.0/24 scram-sha-256', 'replicator_fin');
    takes('  - hostssl erp zhangwei 10.0.0.0/8 md5', 'zhangwei');
    takes('host    mydb   mrossi   10.0.0.0/8   scram-sha-256', 'mrossi');
  });
  it('keeps `all` and `+group`', () => {
    unchanged(['    - host all all 0.0.0.0/0 md5', '  - host replication all 10.0.0.0/8 scram-sha-256']);
  });
});

describe("login21: an editor's authentication session", () => {
  it('takes the account label', () => {
    takes('[trace] Session: {"id":"7c1f","accessToken":"x","account":{"label":"nkarlsson-dev","id":"48120377"},"scopes":["read:user"]}', 'nkarlsson-dev');
    takes('{"account": {"label": "ana-lima", "id": "a1b2"}}', 'ana-lima');
    takes('"account":{ "label":"mrossi" }', 'mrossi');
  });
  it('keeps the other labels', () => {
    unchanged(['{"label":"Sign in with GitHub","id":"github"}', '"account":{"id":"48120377"}']);
  });
});

describe('login21: service accounts named after a person (login22 widened the rule: fixtures README, service accounts)', () => {
  it("takes a bind DN's service account named after a person", () => {
    takes('bindDN: cn=svc_zhangwei,ou=svc,dc=xxsoft,dc=local', 'svc_zhangwei');
    takes('    bind_dn: "CN=ldap_huangshiqi_ro,OU=Service,DC=corp,DC=local"', 'ldap_huangshiqi_ro');
    takes('xa_ldap_bind_dn=cn=wb_lvmin_svc,ou=svc,dc=x,dc=local', 'wb_lvmin_svc');
  });
  it('keeps service, product and department accounts outside a credential slot', () => {
    // login22 (session 21): in a credential slot (a bind DN, `User ID=x;Password=…`) they are taken — rules-login22.test.ts.
    unchanged([
      "System.Data.SqlClient.SqlException (0x80131904): Login failed for user 'crm_app'.",
      'Authentication failed for user order-worker',
    ]);
  });
});
