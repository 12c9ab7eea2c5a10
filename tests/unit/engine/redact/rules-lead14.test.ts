/**
 * Harm held-out-16's first run showed (session 14, lead): a block or list opener taken for a secret, which
 * breaks the file; header values in Go's JSON header maps (`"Authorization":["…"]`, Caddy/Traefik access
 * logs) missed; an OpenSSL algorithm name in a real `openssl x509 -text` taken for a random secret.
 * A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, it } from 'vitest';
import { check, unchanged } from './helpers.js';

describe('a block or a list opener is no value', () => {
  it('keeps `authorization {`, `secrets {`, `password [` (NATS, strongSwan, nginx-like blocks)', () => {
    unchanged(['authorization {', 'secrets {', '  credentials (', 'password [', '"authorization": [', 'token: {']);
  });

  it('still takes the values inside the block', () => {
    check([
      ['  authorization { user: route_hz, password: RouteHz#n4t5 }', '  authorization { user: <USER-1>, password: <SECRET-1> }'],
      ['secret = "Oxy@swan-4519"', 'secret = "<SECRET-1>"'],
    ]);
  });
});

describe('header values in a JSON header map (Go net/http: a list of strings per header)', () => {
  it('takes the credentials inside the list and keeps the brackets and quotes', () => {
    check([
      ['{"headers":{"Authorization":["Basic a2JfZWRpdG9yX2xtZjpLYiRMbWYtd2lraTIwMjY="]}}', '{"headers":{"Authorization":["Basic <TOKEN-1>"]}}'],
      ['{"Proxy-Authorization":["Zx81kPq0mW2nE7rT"]}', '{"Proxy-Authorization":["<TOKEN-1>"]}'],
      ['{"request":{"headers":{"Cookie":["sid=abc123def456ghi789; theme=dark"]}}}', '{"request":{"headers":{"Cookie":["sid=<TOKEN-1>; theme=dark"]}}}'],
      ['{"X-Api-Key": ["k8f7e6d5c4b3a2918f7e6d5c"]}', '{"X-Api-Key": ["<TOKEN-1>"]}'],
    ]);
  });

  it('keeps a list that holds no credential', () => {
    unchanged(['x-api-key: [1, 2]', '{"Accept":["text/html"],"User-Agent":["curl/8.5.0"]}']);
  });
});

describe('an algorithm name is not a random secret', () => {
  it('keeps OpenSSL and JCA names after a secret-like word', () => {
    unchanged([
      '        Signature Algorithm: sha256WithRSAEncryption',
      '    Signature Algorithm: sha384WithRSAEncryption',
      'keyProtectionAlgorithm = PBEWithHmacSHA256AndAES_256',
    ]);
  });

  it('still takes a random value after the same words', () => {
    check([['Signature: q3Xv8Lm2Nz5Bw9Rk1Tc7Yh4Jd0Gf6Ps', 'Signature: <SECRET-1>']]);
  });
});

describe('values that name no secret (held-out-16 false positives, by family)', () => {
  it('keeps a message id in a JSON or CSV export, a nonce, a numeric app key, a doc stand-in, a form template, an access level and a password file', () => {
    unchanged([
      '"InternetMessageId":"<SG2PR06MB5311A2E7C0F1B94D8E3A5C7FB2E19@SG2PR06MB5311.apcprd06.prod.outlook.com>"',
      '2026-12-01,Send,"{""InReplyTo"":""<AM9PR04MB8211C3D4@AM9PR04MB8211.eurprd04.prod.outlook.com>""}"',
      'https://dysmsapi.aliyuncs.com/?SignatureMethod=HMAC-SHA1&SignatureNonce=7c1e4b9a-2f3d-4e58-a06b-91d2c8e5f734&SignatureVersion=1.0',
      '/request?oauth_nonce=kllo9940pd9333jh&oauth_version=1.0',
      'miAppKey=5472021473381',
      'oppo.app_key=30481726',
      '# 示例 (文档): jpush.master-secret=your_master_secret',
      'api_key: your-api-key',
      'hydra -l admin -P pass.txt 10.0.0.1 http-post-form "/login.php:user=^USER^&pass=^PASS^:F=登录失败"',
      'auth-access = write',
      'password-db = passwd',
      'beeline -u "jdbc:hive2://hs2.bigdata.example.local:10000/default" -n',
      'sqlline -u jdbc:oracle:thin:@10.0.0.2:1521/ERP',
    ]);
  });

  it('still takes the secrets of the same grammars', () => {
    check([
      ['From: 王芳 <wang.fang@example.cn>', 'From: <NAME-1> <<EMAIL-1>>'],
      ['appKey=8f2c41d07e9a3b56d1e04f72a9', 'appKey=<SECRET-1>'],
      ['password=my_master_secret9', 'password=<SECRET-1>'],
      ['curl -u deploy:pa:ss99x https://a.example', 'curl -u <USER-1>:<SECRET-1> https://a.example'],
      ['/login.php?user=bob&pass=S3cret!9', '/login.php?user=<USER-1>&pass=<SECRET-1>'],
    ]);
  });

  it('keeps a role in brackets after a name; a login there still goes', () => {
    check([
      ['# owner: 汤文涛 (DBA)', '# owner: <NAME-1> (DBA)'],
      ['负责人：汤文涛（SRE）', '负责人：<NAME-1>（SRE）'],
      ['负责人 钱磊 (qianlei)', '负责人 <NAME-1> (<USER-1>)'],
    ]);
  });
});

describe('a role word taken as a login is not learned archive-wide', () => {
  it('redacts `ACL SETUSER reporter` where it stands, and keeps the word `reporter` elsewhere', () => {
    check([
      ['ACL SETUSER reporter on >Rp#ro-2026 ~report:* +get\nthe reporter field is set by the reporter',
        'ACL SETUSER <USER-1> on ><SECRET-1> ~report:* +get\nthe reporter field is set by the reporter'],
    ]);
  });
});
