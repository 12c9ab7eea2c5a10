/**
 * Session 16 (secret17): secrets where a grammar, not a key word, says one stands — admin CLIs' password flags and
 * positions (admin-cli.ts), SQL/Cypher password keywords, Oracle's `user/pw@`, a library call's secret argument,
 * formats that print a secret without a key (printed-secrets.ts), password keys glued to what they are for, table
 * columns named for when a password is used, tools that print a secret alone on the next line. Positives come from
 * tools, languages and quoting the held-out-17 fixtures do not have; look-alikes (placeholders, references, docs,
 * object names, labels) must survive. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { file, keepsWords, redact, unchanged } from './helpers.js';

/** Each input loses every listed secret and keeps the text that is not one. */
const taken = (cases: [input: string, secrets: string[], kept?: string[]][]): void => {
  for (const [input, secrets, kept = []] of cases) {
    const out = redact(input);
    for (const s of secrets) expect(out, input).not.toContain(s);
    for (const k of kept) expect(out, input).toContain(k);
  }
};

/** Each input keeps every listed value (other rules may take other parts of it). */
const kept = (cases: [input: string, values: string[]][]): void => {
  for (const [input, values] of cases) keepsWords(input, ...values);
};

describe('admin CLIs: a password flag or position of the tool', () => {
  it('takes the password of Neo4j, Couchbase, PuTTY, n2n, Icinga 2, Redis Sentinel and neo4j-admin command lines', () => {
    taken([
      ['cypher-shell -a bolt://10.0.3.7:7687 -u neo4j -p "Gr@ph-2026x" --format plain', ['Gr@ph-2026x'], ['cypher-shell', '--format plain']],
      ['cypher-shell --username app --password Cy7pher-pass "RETURN 1"', ['Cy7pher-pass']],
      ['couchbase-cli cluster-init -c 10.0.0.2 --cluster-username Administrator --cluster-password Cb-Init#442 --services data', ['Cb-Init#442'], ['--services data']],
      ['couchbase-cli bucket-create -c cb01 -u Administrator -p s3cretCB9 --bucket orders --bucket-password=Bkt-pw-9931', ['s3cretCB9', 'Bkt-pw-9931']],
      ['plink.exe -ssh ops@10.0.0.5 -pw Plk#2026x -batch "uptime"', ['Plk#2026x'], ['-batch']],
      ['pscp -pw "Scp pw 7" report.csv ops@10.0.0.5:/tmp/', ['Scp pw 7']],
      ['/usr/sbin/n2n; edge -a 10.1.0.2 -c office -k Comm!Key-88 -l sn.example.net:7654', ['Comm!Key-88']],
      ['icinga2 pki request --host master1.example.net --port 5665 --ticket 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c --key a.key', ['0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c']],
      ['sentinel auth-pass cache01 Cache#Pw-77', ['Cache#Pw-77'], ['sentinel auth-pass cache01']],
      ['SENTINEL SET cache01 auth-pass "Cache#Pw-78"', ['Cache#Pw-78']],
      ['sentinel sentinel-pass Peer-pass-2026', ['Peer-pass-2026']],
      ['neo4j-admin set-initial-password N3o4j-init', ['N3o4j-init']],
      ["cbq -e http://10.0.0.1:8091 -u app -p 'Cbq#pw-1' -s \"SELECT 1\"", ['Cbq#pw-1'], ['SELECT 1']],
      ['ExecStart=/usr/bin/npc -server=nps.example.cn:8024 -vkey=q1w2e3r4t5y6u7i8 -type=tcp', ['q1w2e3r4t5y6u7i8'], ['-type=tcp']],
    ]);
  });

  it('leaves placeholders, references and other tools with the same flags', () => {
    unchanged([
      'cypher-shell -u neo4j -p $NEO4J_PASSWORD',
      'plink -ssh host -pw <password> -batch',
      'sentinel auth-pass <master-name> <password>',
      'couchbase-cli user-manage -c cb01 --rbac-password ${CB_PW} --set',
      'zip -k archive.zip notes.txt',
      'the cluster edge -k option sets the key',
    ]);
  });
});

describe('SQL and Cypher password keywords', () => {
  it('takes the password of CREATE/ALTER USER|ROLE … SET|WITH [ENCRYPTED] PASSWORD and SET PASSWORD FROM … TO …', () => {
    taken([
      ["ALTER ROLE app_rw WITH LOGIN ENCRYPTED PASSWORD 'Pg#rw-2026';", ['Pg#rw-2026'], ['ALTER ROLE']],
      ["CREATE USER reporter PASSWORD 'Rep0rt!x' VALID UNTIL '2027-01-01';", ['Rep0rt!x'], ['2027-01-01']],
      ["cqlsh> ALTER ROLE ops WITH PASSWORD = 'C@ss-ops1' AND LOGIN = true;", ['C@ss-ops1']],
      ['CREATE USER jdoe IF NOT EXISTS SET PLAINTEXT PASSWORD "Neo-plain-22" CHANGE REQUIRED', ['Neo-plain-22']],
      ["ALTER CURRENT USER SET PASSWORD FROM 'Old#1xyz' TO 'New#2xyz'", ['Old#1xyz', 'New#2xyz']],
    ]);
  });

  it('leaves NULL, placeholders and references', () => {
    kept([
      ['ALTER USER bob WITH PASSWORD NULL;', ['PASSWORD NULL']],
      ["CREATE ROLE app WITH PASSWORD = '<password>';", ["'<password>'"]],
      ["CREATE USER app WITH PASSWORD '${DB_PW}';", ["'${DB_PW}'"]],
    ]);
  });
});

describe("Oracle's user/password@connect", () => {
  it('takes the password after sqlplus, expdp, impdp, sqlldr and a parfile userid=', () => {
    taken([
      ['sqlplus scott/Tiger#19@ORCLPDB1 @report.sql', ['Tiger#19'], ['@ORCLPDB1']],
      ['expdp system/Sys!pw-2026@prod schemas=hr directory=DP dumpfile=hr.dmp', ['Sys!pw-2026'], ['schemas=hr']],
      ['sqlldr -s hr/HrLoad-55@db control=emp.ctl', ['HrLoad-55']],
      ['USERID=ops/Ops#parfile1', ['Ops#parfile1']],
    ]);
  });

  it('leaves OS authentication and /nolog', () => {
    unchanged(['sqlplus / as sysdba', 'sqlplus -S /nolog', 'expdp \\"/ as sysdba\\" full=y']);
  });
});

describe("a library call's secret argument", () => {
  it('takes a quoted literal in the secret position of cloud SDKs, JWT libraries and HMAC', () => {
    taken([
      ["client = AcsClient('LTAI5tAbCdEfGh', 'Ak#Sec-2026xYz', 'cn-hangzhou')", ['Ak#Sec-2026xYz'], ['cn-hangzhou']],
      ["auth = oss2.StsAuth(key_id, 'StsSecret-99x', token)", ['StsSecret-99x']],
      ['jwt.verify(token, "Jw7-verify-key!")', ['Jw7-verify-key!']],
      ['encoded = jwt.encode({"sub": 1, "role": "ops"}, "pyjwt-s3cret-K", algorithm="HS256")', ['pyjwt-s3cret-K'], ['HS256']],
      ["crypto.createHmac('sha256', 'hm@c-K3y').update(body).digest('hex')", ['hm@c-K3y'], ["'sha256'"]],
      ["sig = hmac.new(b'raw-K3y!', msg, hashlib.sha256).hexdigest()", ['raw-K3y!']],
    ]);
  });

  it('leaves references and options in that position', () => {
    unchanged([
      'jwt.sign(payload, process.env.JWT_SECRET)',
      'jwt.verify(token, secretOrPublicKey, { algorithms: ["RS256"] })',
      'bucket = oss2.Bucket(oss2.Auth(key_id, key_secret), endpoint, name)',
      'jwt.decode(token, options={"verify_signature": False})',
    ]);
  });
});

describe('secrets a format prints without a key', () => {
  it("takes Samba's LM and NT hashes, scheme-tagged LDAP hashes, cloud-drive share links and their codes, card codes", () => {
    taken([
      ['guest7:1009:AAD3B435B51404EEAAD3B435B51404EE:31D6CFE0D16AE931B73C59D7E0C089C0:[U          ]:LCT-5F3A2B1C:', ['AAD3B435B51404EEAAD3B435B51404EE', '31D6CFE0D16AE931B73C59D7E0C089C0'], ['LCT-5F3A2B1C']],
      ['olcRootPW: {SSHA512}hT9kq1Lm3Xy7Zp2Qw4Er6Ty8Ui0Op1As3Df5Gh7Jk9Lz', ['hT9kq1Lm3Xy7Zp2Qw4Er6Ty8Ui0Op1As3Df5Gh7Jk9Lz']],
      ['   {PBKDF2-SHA256}10000$aXk0bWJ2eHo$Qm9vbWJveGVk', ['10000$aXk0bWJ2eHo$Qm9vbWJveGVk']],
      ['夸克网盘 https://pan.quark.cn/s/7a1b2c3d4e5f 提取码：Q8ab', ['7a1b2c3d4e5f', 'Q8ab'], ['提取码']],
      ['天翼云盘 https://cloud.189.cn/t/AbCdEf123456（访问码：x9k2）', ['AbCdEf123456', 'x9k2']],
      ['Steam 兑换码: ABCD-1234-EFGH, WXYZ-5678-IJKL', ['ABCD-1234-EFGH', 'WXYZ-5678-IJKL'], ['Steam']],
      // Jetty realm files (etc/realm.properties) and Jetty's obfuscation anywhere.
      ['deployer: MD5:0d107d09f5bbe40cade3de5c71e9e9b7, user, deploy', ['0d107d09f5bbe40cade3de5c71e9e9b7'], ['deployer', 'user, deploy']],
      ['guest = CRYPT:gu7Xk2Lm9pQzA,guest', ['gu7Xk2Lm9pQzA']],
      ['jetty.sslContext.keyStorePassword=OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v', ['1v2j1uum1xtv1zej1zer1xtn1uvk1v1v']],
    ]);
  });

  it('leaves a scheme named in prose, a bare drive address, a parcel code and dates after a code label', () => {
    kept([
      ['olcPasswordHash: {SSHA}', ['{SSHA}']],
      ['Supported schemes: {SSHA}, {SHA}, {CRYPT}, {PBKDF2}', ['{SSHA}, {SHA}, {CRYPT}, {PBKDF2}']],
      ['访问 https://pan.baidu.com/ 下载', ['https://pan.baidu.com/']],
      ['【菜鸟驿站】您的包裹已到站，取件码 3-2-1804', ['3-2-1804']],
      ['激活码有效期至：2026-12-31', ['2026-12-31']],
      ['提取码：见群公告', ['见群公告']],
      // A published checksum is no realm password.
      ['ubuntu-24.04.iso: MD5: d41d8cd98f00b204e9800998ecf8427e', ['d41d8cd98f00b204e9800998ecf8427e']],
      ['MD5: d41d8cd98f00b204e9800998ecf8427e', ['d41d8cd98f00b204e9800998ecf8427e']],
    ]);
  });
});

describe('password keys glued to what they are for', () => {
  it('takes PHP and ini values under controlpass-like keys and nps keys', () => {
    taken([
      ["$cfg['Servers'][$i]['bindpass'] = 'Ld@p-bind1';", ['Ld@p-bind1']],
      ['MASTERPW=Mst#2026x', ['Mst#2026x']],
      ["define('SUPERPW', 'Sup-er-1x9');", ['Sup-er-1x9']],
      ['vkey=Abc123xyz9', ['Abc123xyz9']],
      ['{"Id":5,"VerifyKey":"q7w8e9r0t1y2u3i4","Remark":"lab"}', ['q7w8e9r0t1y2u3i4'], ['lab']],
    ]);
  });

  it('leaves words that only end like one', () => {
    unchanged(["$config['bypass'] = 'proxy-01';", "'compass' => 'north-2',"]);
  });
});

describe('table columns named for when the password is used', () => {
  it('takes the cells of an 默认密码 / Initial Password column of a CSV', async () => {
    const cn = await file('accounts.csv', '用户名,默认密码,部门\nzhangsan,Zs#init-0921,财务部\n');
    expect(cn).not.toContain('Zs#init-0921');
    expect(cn).toContain('财务部');
    const en = await file('onboarding.csv', 'Name,Email,Initial Password,Dept\nLi Lei,li@example.com,Init-pw-7781,Sales\n');
    expect(en).not.toContain('Init-pw-7781');
    expect(en).toContain('Sales');
    const codes = await file('gifts.csv', '序号,卡号,卡密\n1,8800123,K7Q2-9XM4-VLT8\n');
    expect(codes).not.toContain('K7Q2-9XM4-VLT8');
  });

  it('leaves a column about the password and a rule written in words', async () => {
    expect(await file('policy.csv', '账号,密码有效期,备注\nops01,90天,到期提醒\n')).toContain('90天');
    expect(redact('| 系统 | 账号 | 初始密码 |\n| --- | --- | --- |\n| OA | a@b.cn | `Hy@` + 入职日期 |\n')).toContain('`Hy@` + 入职日期');
  });
});

describe('tools that print a secret alone on the next line', () => {
  it('takes the line after wg genkey, openssl rand, icinga2 pki ticket and cat VNCSettings.txt', () => {
    taken([
      ['$ wg genkey\nyAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\n', ['yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=']],
      ['# openssl rand -base64 24\nq3Zx9LmP0aB7cD2eF5gH8iJ1kL4mN6oP\n', ['q3Zx9LmP0aB7cD2eF5gH8iJ1kL4mN6oP']],
      ['[root@master ~]# icinga2 pki ticket --cn sat2.example.net\n4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e\n', ['4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e']],
      ['% sudo cat /Library/Preferences/com.apple.VNCSettings.txt\n1A2B3C4D5E6F7A8B\n', ['1A2B3C4D5E6F7A8B']],
      ['$ sudo cat /var/ossec/etc/authd.pass\nWzEnroll-2027-x\n', ['WzEnroll-2027-x']],
    ]);
  });

  it('leaves the next line when the output goes on to a pipe or a file', () => {
    kept([
      ['$ wg genkey | tee privatekey | wg pubkey\nHIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=\n', ['HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=']],
      ['$ openssl rand -hex 16 > key.bin\nwritten\n', ['written']],
    ]);
  });
});

describe('a test account handed over as `login / password`', () => {
  it('takes the password after the slash when it has a password shape', () => {
    taken([
      ['测试账号：qa01/Qa@2026x，用完请告知', ['Qa@2026x'], ['用完请告知']],
      ['演示帐号 demo01 / Demo#2026x', ['Demo#2026x']],
    ]);
  });

  it('leaves words after the slash and keeps the other rules\' wakes inside the label (银行卡密码, 测试账号)', () => {
    kept([
      ['测试号 qa01 / 明天停用', ['明天停用']],
      ['体验账号 guest / guest', ['/ guest']],
    ]);
    expect(redact('银行卡密码: Bk#778899x')).not.toContain('Bk#778899x');
  });
});

describe('labels and object names after a secret word', () => {
  it('leaves a label after `password hash` and kubectl naming a Secret object', () => {
    unchanged(['password hash algorithm: SHA512', 'secret "db-credentials" created', 'Error from server (NotFound): secrets "db-credentials" not found']);
  });
});
