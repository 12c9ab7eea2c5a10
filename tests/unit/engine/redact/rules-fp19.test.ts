/**
 * Session 18 (fp19): the corpus's false positives by cause — values under a secret-named key that name no secret (a locked
 * account's `!!`, a mail server's `%p`, an auth method or an auth object's name, a Chinese yes/no, a
 * GeneralizedTime, a JSON object's text, the digest of nothing), keys that describe a secret (a duration in milliseconds, a
 * container, a certificate's hash, Chinese switches and commands), random-looking text after a variable or a Twilio SID, a
 * role login at an ssh remote taken for an address, a firmware version taken for an IP. Each fix
 * with variants the fixtures do not have, the look-alikes that must survive, and the true positives they resemble, which
 * must still be taken. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { isBenignValue, isSecretKey } from '../../../../electron/engine/redact/key-names.js';
import { keepsWords as keeps, redact, takesAs } from './helpers.js';

const network = (text: string): string => new Redactor({ optionalRules: ['ipv4-public', 'hostname'] }).redactText(text).text;

describe('fp19: values under a secret-named key that name no secret', () => {
  it('keeps a locked account marker, a password macro, an auth method and an auth object referenced by name', () => {
    keeps("    password: '!!'", "'!!'");
    keeps('root_pw: "!"', '"!"');
    keeps('shadow_password = !*', '!*');
    keeps("$config['smtp_pass'] = '%p';", "'%p'");
    keeps('pass_macro=%w', '%w');
    keeps('auth_password = "%{password}"', '%{password}');
    keeps('auth strong', 'auth strong');
    keeps('auth iponly', 'auth iponly');
    keeps('L2tpIPsecAuth         : Psk', ': Psk');
    keeps('AuthenticationMethod : PreSharedKey', 'PreSharedKey');
    keeps('auth = "plain[passwd=/etc/ocserv/ocpasswd]"', 'plain[passwd=/etc/ocserv/ocpasswd]');
    keeps("auth = 'radius[config=/etc/radcli/radiusclient.conf,groupconfig=true]'", 'radius[config=');
    keeps('outbound_auth=trunk-ctc-wuxi-auth', 'trunk-ctc-wuxi-auth');
    keeps('auth = 6001_auth', '6001_auth');
    keeps('auth-default-access: read-only', 'read-only');
    keeps('auth_default_access = deny-all', 'deny-all');
  });
  it('still takes real secrets under the same keys', () => {
    takesAs('SECRET', "    password: '!!Zq8-Lm2'", '!!Zq8-Lm2');
    takesAs('SECRET', "$config['smtp_pass'] = 'Rc!mail-2026';", 'Rc!mail-2026');
    takesAs('SECRET', 'auth = "Vx7!pL2q-auth9"', 'Vx7!pL2q-auth9');
    takesAs('SECRET', 'password=Abc-auth#77', 'Abc-auth#77');
    takesAs('SECRET', 'L2tpPsk : Fb-L2tp-Psk!9Q', 'Fb-L2tp-Psk!9Q');
  });
  it('keeps a Chinese yes/no and a verb that starts prose', () => {
    keeps('连接配置：用户名=li.qiang 保存密码=是 域=corp', '保存密码=是');
    keeps('记住密码: 否', '记住密码: 否');
    keeps('是否加密密码=是', '是否加密密码=是');
    keeps('# 令牌: 发给 外包团队 的测试 key', '令牌: 发给');
  });
  it('still takes Chinese secrets and answers that are words', () => {
    takesAs('SECRET', '密码：Zhang!2026q', 'Zhang!2026q');
    takesAs('SECRET', '保险箱密码=Bx7-9921k', 'Bx7-9921k');
  });
  it('keeps a GeneralizedTime, a JSON object text and the digest of nothing', () => {
    keeps('  krbLastPwdChange: 20260311081522Z', '20260311081522Z');
    keeps('pwdChangedTime: 20251102093000.5Z', '20251102093000.5Z');
    keeps('"credentialData": "{\\"hashIterations\\":27500,\\"algorithm\\":\\"pbkdf2-sha256\\"}"', 'hashIterations');
    keeps('GET /api/order/list?uid=88&sign=d41d8cd98f00b204e9800998ecf8427e HTTP/1.1', 'd41d8cd98f00b204e9800998ecf8427e');
    keeps('token_sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709', 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });
  it('still takes a real signature, a real hash and the secret inside a JSON object', () => {
    takesAs('SECRET', 'GET /api/order/list?uid=88&sign=9f3c1e7a5b2d84f0c6a1e9b7a1c3e5b7 HTTP/1.1', '9f3c1e7a5b2d84f0c6a1e9b7a1c3e5b7');
    takesAs('SECRET', '"secretData": "{\\"value\\":\\"mH3q8Vx2Lz7Rb4Nw9Pc1Yd6Fg0Sj5Ek3Ua8Oi2Tq4=\\",\\"salt\\":\\"Zx9Lm2Qv7Rb4Nw1P\\"}"', 'mH3q8Vx2Lz7Rb4Nw9Pc1Yd6Fg0Sj5Ek3Ua8Oi2Tq4=');
    takesAs('SECRET', 'password=20260311', '20260311');
  });
  it('isBenignValue agrees', () => {
    for (const v of ['!!', '%p', 'psk', 'Strong', 'pam[gid-min=1000]', '8012-auth', 'deny-all', '是', '20260311081522Z']) expect(isBenignValue(v), v).toBe(true);
    for (const v of ['!!x9Q', '%pass%word', 'pskZ8-2', 'Strong#2026', 'set', 'delete', '是Qx7', '20260311', 'Zq8-auth!']) expect(isBenignValue(v), v).toBe(false);
  });
});

describe('fp19: keys that describe a secret', () => {
  it('keeps a duration, a container and a certificate hash under a secret word', () => {
    keeps('  tokenValidityInMilliseconds = 1800000', '1800000');
    keeps('session_token_validity: 7200', '7200');
    keeps('refresh_token_millis=86400000', '86400000');
    keeps('  key_container = te-User-1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6', 'te-User-1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6');
    keeps('KeyContainer: te-Machine-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', 'te-Machine-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d');
    keeps('  密钥容器 = te-WebServer-7a8b9c0d-1e2f-3a4b-5c6d-7e8f9a0b1c2d', 'te-WebServer-7a8b9c0d-1e2f-3a4b-5c6d-7e8f9a0b1c2d');
    keeps(
      'kubeadm join 10.0.0.5:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
      'sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    );
    keeps('tls_ca_cert_fingerprint: 9A:3F:11:0C:5E:77:21:AB', '9A:3F:11:0C:5E:77:21:AB');
  });
  it('keeps a Chinese key that goes on past its secret word into a command, a file or a switch', () => {
    keeps('提示：修改密码可执行命令：1pctl update password', '1pctl update password');
    keeps('重置令牌指令: wsctl token reset', 'wsctl token reset');
    keeps('密钥文件: server-key-2026.pem', 'server-key-2026.pem');
    keeps('显示密码: 1', '显示密码: 1');
  });
  it('still takes the secrets the same keys hold without the describing word', () => {
    takesAs('TOKEN', '--token abcdef.0123456789abcdef', 'abcdef.0123456789abcdef');
    takesAs('SECRET', 'password_hash=Zx9Lm2Qv7Rb4Nw1P', 'Zx9Lm2Qv7Rb4Nw1P');
    takesAs('SECRET', '密钥 = Zq8Lm2Wx7Kt4Vb9Rn3Pa6Yd', 'Zq8Lm2Wx7Kt4Vb9Rn3Pa6Yd');
    takesAs('SECRET', '修改密码：Hy!new-2026', 'Hy!new-2026');
    takesAs('TOKEN', 'token_value = 1800000', '1800000');
    takesAs('TOKEN', 'accessKeyId: LTAI5tF7wRk2Mx9Lq3Zn8Vb1', 'LTAI5tF7wRk2Mx9Lq3Zn8Vb1');
    takesAs('SECRET', 'keyStorePassword=Zq8Lm2Wx7Kt4Vb9Rn3Pa6Yd', 'Zq8Lm2Wx7Kt4Vb9Rn3Pa6Yd');
    takesAs('SECRET', 'password-cache: "AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAx2F9R0k1mEeQ3rL6yT0vWgAAAAACAAAAAAAQZgAAAAEA"', 'AQAAANCMnd8BFdERjHoAwE');
  });
  it('isSecretKey agrees', () => {
    for (const k of ['tokenValidityInMilliseconds', 'key_container', '密钥容器', '修改密码可执行命令', '保存密码', 'discovery-token-ca-cert-hash', 'ca_cert_sha256']) expect(isSecretKey(k, 'assignment'), k).toBe(false);
    for (const k of ['token', 'password_hash', '密钥', '修改密码', 'private_key', 'ca_key_password', 'CertPin', 'cert_pin']) expect(isSecretKey(k, 'assignment'), k).toBe(true);
  });
});

describe('fp19: random-looking text that is no secret', () => {
  it('keeps a path under a shell variable after a secret word, and a Twilio SID', () => {
    keeps('orapwd file=$ORACLE_HOME/dbs/orapwFINPROD entries=10', '$ORACLE_HOME/dbs/orapwFINPROD');
    keeps('keystore_pwd_file=${CATALINA_BASE}/conf/keystoreSecretFile', 'keystoreSecretFile');
    keeps('provider=twilio sid=SM2b7e4f1c9a0d8e3b6f5c4a1d2e9b7f0c status=queued', 'SM2b7e4f1c9a0d8e3b6f5c4a1d2e9b7f0c');
    keeps('call sid=CA9f8e7d6c5b4a39281706f5e4d3c2b1a0 ended', 'CA9f8e7d6c5b4a39281706f5e4d3c2b1a0');
  });
  it('still takes a crypt hash after its `$n$` and a session id that is no SID', () => {
    const juniper = redact('set security ike policy p1 pre-shared-key ascii-text "$9$Qw3Er6Ty9Ui2Op5As8Df1Gh4Jk7Lz0Xc"');
    expect(juniper).not.toContain('Qw3Er6Ty9Ui2Op5As8Df1Gh4Jk7Lz0Xc');
    takesAs('SECRET', 'session sid=Zq8Lm2Wx7Kt4Vb9Rn3Pa6YdQ', 'Zq8Lm2Wx7Kt4Vb9Rn3Pa6YdQ');
  });
  it('keeps SaltStack command lines, still takes a salt', () => {
    keeps("---- salt 'db-prod-01' pillar.items (2026-04-19 10:12:47) ----", 'db-prod-01');
    keeps("salt 'web*' state.apply nginx", "'web*'");
    takesAs('SECRET', "salt 'Zx9Lm2Qv7Rb4Nw1P'", 'Zx9Lm2Qv7Rb4Nw1P');
  });
});

describe('fp19: addresses, versions and numbers that are no personal data', () => {
  it('keeps a role login at an ssh remote, takes a person’s', () => {
    keeps('upstream = ssh://hg@hg.corp.local/plm/cad-bridge', 'hg@hg.corp.local');
    keeps('"Initial Text": "ssh -p 2222 deploy@staging.corp.cn",', 'deploy@staging.corp.cn');
    keeps('git clone git+ssh://git@code.corp.cn/infra/x.git', 'git@code.corp.cn');
    keeps('scp -P 22 build.tar.gz deploy@web01.corp.cn:/srv/', 'deploy@web01.corp.cn');
    expect(redact("export BORG_REPO='ssh://borgbak_ljh@nas02.corp.local:2222/volume1/borg'")).not.toContain('borgbak_ljh');
    expect(redact('ssh -p 2222 zhang.wei@jump.corp.cn')).not.toContain('zhang.wei');
    expect(redact('contact: ssh admin, then mail li.ming@corp.cn')).not.toContain('li.ming@corp.cn');
    expect(redact('ssh then li.ming@corp.cn')).not.toContain('li.ming@corp.cn');
  });
  it('keeps a firmware or build number, takes an address after other words', () => {
    expect(network('## provisioning file for T54W, firmware 96.86.0.100')).toContain('96.86.0.100');
    expect(network('fw: 83.12.0.7 loaded')).toContain('83.12.0.7');
    expect(network('Windows build 10.0.19045.3693')).toContain('10.0.19045');
    expect(network('peer 96.86.0.100 connected')).not.toContain('96.86.0.100');
    expect(network('firmware server 96.86.0.100')).not.toContain('96.86.0.100');
  });
});

describe('fp19: app keys that are public', () => {
  it('keeps a push or analytics SDK app key, by its prefix or its YAML block, and an app key that is words', () => {
    keeps('jpush.app-key=8d2f41c07e9a3b56d1e04f72', '8d2f41c07e9a3b56d1e04f72');
    keeps('umeng.appkey=65a1f3e9b8c2d70012e4f6a8', '65a1f3e9b8c2d70012e4f6a8');
    keeps('OPPO_PUSH_APP_KEY=7Qw2Er4Ty6Ui8Op0As1Df3Gh', '7Qw2Er4Ty6Ui8Op0As1Df3Gh');
    keeps('jiguang:\n  appKey: "4e7c2a9f1b3d5e8a0c6f2b4d"\n  masterSecret: "x"\n', '4e7c2a9f1b3d5e8a0c6f2b4d');
    keeps('push:\n  getui:\n    app-id: Kq3Lm8Xw2Pz7Vt4Rb1\n    app_key: Hn6Yc9Jd2Fg5Sa8Ek3\n', 'Hn6Yc9Jd2Fg5Sa8Ek3');
    keeps('"appKey=hysrm_test secret=9f3c1e7a5b2d84f0c6a1e9b7"', 'appKey=hysrm_test');
  });
  it('still takes the SDK secrets beside them, and app keys of other services', () => {
    takesAs('SECRET', 'jpush.master-secret=5c9e1a3f7b2d48e0a6c4f1b9', '5c9e1a3f7b2d48e0a6c4f1b9');
    takesAs('SECRET', 'jiguang:\n  appKey: "4e7c2a9f1b3d5e8a0c6f2b4d"\n  masterSecret: "9a1c3e5f7b2d4e6a8c0f1b3d"\n', '9a1c3e5f7b2d4e6a8c0f1b3d');
    takesAs('SECRET', 'sms.appkey=sms_8f1e2a9c7b3d46e0', 'sms_8f1e2a9c7b3d46e0');
    takesAs('SECRET', 'aliyun:\n  sms:\n    app-key: Zq8Lm2Wx7Kt4Vb9Rn3Pa6Yd\n', 'Zq8Lm2Wx7Kt4Vb9Rn3Pa6Yd');
    takesAs('SECRET', 'BUGLY_APP_KEY=b7e3a1c9-5d2f-4e8a', 'b7e3a1c9-5d2f-4e8a');
    takesAs('SECRET', '"appKey=hysrm_test secret=9f3c1e7a5b2d84f0c6a1e9b7"', '9f3c1e7a5b2d84f0c6a1e9b7');
  });
});
