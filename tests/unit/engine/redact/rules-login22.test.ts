/**
 * The service-account decision (task login22, session 21; fixtures README, "Service accounts"): a login in a credential
 * slot is half the credential and is taken whatever it looks like — a bind DN's (`cn=svc_x_bind`, under every key that
 * names one: `bind_dn`, `search-dn`, `LDAP_DN`, `connectionName`, `ldapAgentName`), ADO.NET's `User ID=` beside its
 * `Password=`, a `.pgpass` line's login field. Kept even there: the built-in and stock accounts (`postgres`, `sysdba`,
 * `Manager`, `admin`), a bare role word (`replicator`) and `*`. Outside a slot, service accounts stay.
 * Other wordings, keys and separators than the fixtures', and the look-alikes that must stay.
 */
import { describe, expect, it } from 'vitest';
import { file, keepsWords as keeps, takesLogins as takes, unchanged } from './helpers.js';

describe('login22: a service login in a bind DN is taken', () => {
  it('under the bind keys of LDAP clients, quoted or not, any case', () => {
    takes('ldap.bindDN: "cn=svc_wiki_sync,ou=svc,dc=corp,dc=local"', 'svc_wiki_sync');
    takes("manager_dn='CN=jira_ldap,OU=Apps,DC=corp,DC=local'", 'jira_ldap');
    takes('    bind_dn: CN=portal-app-bind,OU=Service Accounts,DC=x,DC=local', 'portal-app-bind');
  });
  it("under the keys that name a bind DN without saying `bind`: `search-dn`, `LDAP_DN`, `connectionName`, `ldapAgentName`", () => {
    takes('<ldap-realm name="corp" search-dn="cn=keycloak_bind,ou=svc,dc=x,dc=local" search-credential="Kc!b1nd"/>', 'keycloak_bind');
    takes('LDAP_DN=cn=bookstack-ro,ou=svc,dc=x,dc=local', 'bookstack-ro');
    takes('<Realm className="org.apache.catalina.realm.JNDIRealm" connectionName="CN=tc_realm,OU=Apps,DC=x,DC=local"/>', 'tc_realm');
    takes('  | ldapAgentName                 | cn=nc_ldap_ro,ou=svc,dc=x,dc=local |', 'nc_ldap_ro');
  });
  it('keeps stock and built-in bind accounts, a bare role word, an LDIF entry and a DN with no bind key', () => {
    unchanged([
      'bind_dn = cn=Manager,dc=corp,dc=local',
      'search-dn="cn=admin,dc=x,dc=local"',
      'ldap_dn: cn=replicator,dc=x,dc=local',
      'dn: cn=svc_wiki_sync,ou=svc,dc=corp,dc=local',
      'memberOf: CN=App_Readers,OU=Groups,DC=x,DC=local',
      'issuer_dn = CN=Corp Issuing CA,OU=PKI,DC=x,DC=local',
    ]);
  });
});

describe('login22: ADO.NET `User ID=` beside its password', () => {
  it('takes a service login when the connection string carries its password', () => {
    takes('Data Source=sql01;Initial Catalog=Billing;User Id=billing_svc;Password=B!ll1ng-2026;', 'billing_svc');
    takes('"ConnStr": "Server=10.1.2.3,1433;Database=POS;user id=pos_app; pwd=P0s#App77;Encrypt=True"', 'pos_app');
    takes('<add name="Hr" connectionString="Provider=SQLOLEDB;User ID=hr_rpt_ro;Password=Rpt!2026x;Data Source=db"/>', 'hr_rpt_ro');
  });
  it('keeps it with no password on the line, an empty, starred or variable password', () => {
    keeps('Server=sql01;Database=Crm;User ID=crm_app;Integrated Security=SSPI;', 'crm_app');
    keeps('Server=sql01;Database=Crm;User ID=crm_app;Password=;', 'crm_app');
    keeps('Server=sql01;Database=Crm;User ID=crm_app;Password=********;', 'crm_app');
    keeps('Server=sql01;Database=Crm;User ID=crm_app;Password=${CRM_DB_PASSWORD};', 'crm_app');
  });
});

describe('login22: a .pgpass line’s login', () => {
  it('takes the login of each line, a service login too, with its password', async () => {
    const out = await file('.pgpass', 'db01.corp:5432:billing:billing_app:Bl#2026x\n10.0.0.9:6432:*:etl_writer:Etl-w!77\n');
    expect(out).not.toMatch(/billing_app|etl_writer|Bl#2026x|Etl-w!77/);
    expect(out).toContain('db01.corp:5432:billing:');
  });
  it('keeps the built-in accounts and `*` (the password still goes), and a comment', async () => {
    const out = await file('pgpass.conf', '*:*:*:postgres:Pg#Local1\nlocalhost:5866:highgo:sysdba:Sdba#Hg-1\nlocalhost:5432:*:*:Any#Pw-2\n# host:port:db:user_app:pw\n');
    expect(out).toContain('*:*:*:postgres:<SECRET-');
    expect(out).toContain(':highgo:sysdba:<SECRET-');
    expect(out).toContain('localhost:5432:*:*:<SECRET-');
    expect(out).toContain('# host:port:db:user_app:pw');
  });
});

describe('login22: outside a credential slot service accounts stay', () => {
  it('keeps a process owner, a log line naming the account and a file owner', () => {
    unchanged([
      'crm_app   23811  1.2  3.4 java -jar /opt/crm/crm.jar',
      "Login failed for user 'billing_svc'.",
      '-rw-r----- 1 etl_writer etl 4096 Dec  1 09:12 load.csv',
      'Current user: root',
    ]);
  });
});

describe('login22: a `User(x)` field among a header’s `Name(value)` fields', () => {
  it('takes it after or before another field (IBM MQ AMQERR01.LOG and like headers)', () => {
    takes('12/06/2026 09:41:15 AM - Process(4120.7) User(wangjing) Program(amqsputc.exe)', 'wangjing');
    takes('Host(app01) User(k.tanaka) Job(NIGHTLY_BATCH)', 'k.tanaka');
    takes('    Process(880.1) User(m.rossi)', 'm.rossi');
  });
  it("keeps MQ's own account, a call in code, a number and a variable", () => {
    unchanged([
      '12/06/2026 09:41:15 AM - Process(6128.1) User(mqm) Program(amqzlaa0)',
      'user = new User(name) Logger(x)',
      'const u = User(userId) Program(x)',
      'Process(12) User(42) Program(x)',
      'User(x)',
    ]);
  });
});

describe('login22: values of a user key that are no login', () => {
  it('keeps a method name under a tag ending in a login word, a Slack member id and a numbered opaque id', () => {
    unchanged([
      '12-05 18:02:15.337 18845 18912 W BankLogin: verifyPassword failed, code=3',
      'I SsoLogin: checkToken ok',
      'info: Store: SET_TEAM_AND_USER team=T04QZ8M2KLP user=U05B7N1XR2A',
      'member joined: user=W012AB3CD9 channel=C01',
      'ws auth ok uid=u_8217',
      'session resumed user_id=usr-40213',
    ]);
  });
  it('still takes logins of those shapes that are no method, no Slack id and no numbered id', () => {
    takes('login: zhangSan', 'zhangSan');
    takes('user=u_zhangwei', 'u_zhangwei');
    takes('user=UZHANGWEI1', 'UZHANGWEI1');
  });
});
