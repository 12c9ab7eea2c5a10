/**
 * Windows tables, person names and table columns held-out-14 missed (session 13, task rest14b), by
 * family, with values and formats that are not the set's own, and the look-alikes each fix must keep.
 * A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { check, file, redact, unchanged } from './helpers.js';

describe('Windows tables', () => {
  it('takes the USERNAME column of `query user` / `quser`, en-US and zh-CN, `>` marking the current session', () => {
    check([
      [' 用户名                会话名             ID  状态    空闲时间   登录时间\n yinxiaotong           rdp-tcp#3           2  运行中          .  2026/4/1 9:15',
        ' 用户名                会话名             ID  状态    空闲时间   登录时间\n <USER-1>           rdp-tcp#3           2  运行中          .  2026/4/1 9:15'],
      [' USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME\n>mkovacs               console             1  Active      none   4/1/2026 8:02 AM',
        ' USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME\n><USER-1>               console             1  Active      none   4/1/2026 8:02 AM'],
      // A disconnected session has no session name.
      [' r.obrien                                  4  Disc         2:41  3/30/2026 6:12 PM', ' <USER-1>                                  4  Disc         2:41  3/30/2026 6:12 PM'],
      [' ops_dengkai                               5  断开        1+02:13  2026/3/20 17:30', ' <USER-1>                               5  断开        1+02:13  2026/3/20 17:30'],
    ]);
    unchanged([
      ' USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME',
      ' services                                  0  Disc',
      ' administrator         console             1  Active      none   4/1/2026 8:02 AM',
      // Other tables with an id and a state: a process list, a service list.
      'nginx        1204  Active  none',
      '连接断开 3 次，正在重试',
    ]);
  });

  it('takes a login in a registry value named for one (`reg query` REG_SZ), with or without a domain', () => {
    check([
      ['    UsernameHint    REG_SZ    cloud-win-ops', '    UsernameHint    REG_SZ    <USER-1>'],
      ['    DefaultUserName    REG_SZ    liangqiu', '    DefaultUserName    REG_SZ    <USER-1>'],
      ['    LastLoggedOnSAMUser    REG_SZ    XXSOFT\\tanjia', '    LastLoggedOnSAMUser    REG_SZ    XXSOFT\\<USER-1>'],
    ]);
    unchanged(['    UsernameHint    REG_SZ    Administrator', '    LastLoggedOnUser    REG_SZ    .\\Administrator', '    CertHash    REG_BINARY    3A7F19C2B84E06D1', '    MRU0    REG_SZ    fin-ts02']);
  });

  it("takes Exchange's Alias and a mailbox or local user's -Identity", () => {
    check([
      ['Alias                 : qiao.yun', 'Alias                 : <USER-1>'],
      ['MailNickname : hbrandt', 'MailNickname : <USER-1>'],
      ['[PS] C:\\>Set-CASMailbox -Identity d.silva -OWAEnabled $false', '[PS] C:\\>Set-CASMailbox -Identity <USER-1> -OWAEnabled $false'],
      ['PS> Disable-LocalUser -Identity tmp_contractor3', 'PS> Disable-LocalUser -Identity <USER-1>'],
    ]);
    unchanged(['Alias                 : Administrator', 'alias ll=\'ls -l\'', 'Get-Mailbox -ResultSize Unlimited | fl Name', '[PS] C:\\>Get-Mailbox -Identity "Discovery Search Mailbox"']);
  });

  it("takes a service command line's `-u login -p password` (sc qc BINARY_PATH_NAME, systemd ExecStart)", () => {
    check([
      ['        BINARY_PATH_NAME   : "D:\\Apps\\Sync\\syncd.exe" -c sync.ini -u svc_sync_lq -p Lq#Sync2026', '        BINARY_PATH_NAME   : "D:\\Apps\\Sync\\syncd.exe" -c sync.ini -u <USER-1> -p <SECRET-1>'],
      ['ExecStart=/opt/agent/bin/agentd -u mon_agent_wk -p Wk!agent77', 'ExecStart=/opt/agent/bin/agentd -u <USER-1> -p <SECRET-1>'],
    ]);
    unchanged(['        BINARY_PATH_NAME   : C:\\x\\agent.exe -u root -p 8080', '        BINARY_PATH_NAME   : C:\\Windows\\system32\\svchost.exe -k netsvcs -p', 'ExecStart=/usr/bin/sort -u input.txt']);
  });
});

describe('FTP logs', () => {
  it("takes vsftpd's bracketed login and xferlog's user column, never the service home `ftp`", () => {
    check([
      ['Mon Apr  6 10:01:02 2026 [pid 3301] [dengwen] OK UPLOAD: Client "10.1.2.3", "/in/a.pdf", 2048 bytes', 'Mon Apr  6 10:01:02 2026 [pid 3301] [<USER-1>] OK UPLOAD: Client "10.1.2.3", "/in/a.pdf", 2048 bytes'],
      ['Mon Apr  6 10:00:59 2026 [pid 3300] [partner_sh_zhao] FAIL LOGIN: Client "10.1.2.3"', 'Mon Apr  6 10:00:59 2026 [pid 3300] [<USER-1>] FAIL LOGIN: Client "10.1.2.3"'],
      ['Mon Apr  6 10:01:02 2026 1 10.1.2.3 2048 /srv/ftp/in/a.pdf b _ i r dengwen ftp 0 * c', 'Mon Apr  6 10:01:02 2026 1 10.1.2.3 2048 /srv/ftp/in/a.pdf b _ i r <USER-1> ftp 0 * c'],
      // The user's folder under the service home is the same login, taken once the column is.
      ['Mon Apr  6 10:01:02 2026 1 10.1.2.3 2048 /home/ftp/dengwen/a.pdf b _ i r dengwen ftp 0 * c', 'Mon Apr  6 10:01:02 2026 1 10.1.2.3 2048 /home/ftp/<USER-1>/a.pdf b _ i r <USER-1> ftp 0 * c'],
    ]);
    unchanged([
      'Mon Apr  6 10:02:15 2026 [pid 3310] [ftp] OK LOGIN: Client "10.1.2.9", anon password "?"',
      'Mon Apr  6 10:02:17 2026 0 10.1.2.9 512 /pub/readme.txt a _ o a ? ftp 0 * c',
      'cp /home/www/site/index.php /tmp/',
      'cd /home/git/repositories/erp.git',
      '[INFO] OK LOGIN: pool ready',
    ]);
  });
});

describe('names in paperwork roles', () => {
  it('takes the parties of a policy, a title deed, a lease and a statement', () => {
    check([
      ['投保人：葛春燕  证件类型: 居民身份证', '投保人：<NAME-1>  证件类型: 居民身份证'],
      ['受益人 1: 2', '受益人 1: 2'],
      ['身故受益人 柏晓东 （法定）', '身故受益人 <NAME-1> （法定）'],
      ['共有人: 司马俊、上官雨晴', '共有人: <NAME-1>、<NAME-2>'],
      ['承租方（乙方）：卫子墨', '承租方（乙方）：<NAME-1>'],
      ['乙方(签章): 欧阳文博', '乙方(签章): <NAME-1>'],
      ['居间人 何振国 执业证号 11010020200311', '居间人 <NAME-1> 执业证号 11010020200311'],
      ['04/02  04/03  美团 附属卡持卡人 韦嘉怡  42.00', '04/02  04/03  美团 附属卡持卡人 <NAME-1>  42.00'],
    ]);
    unchanged(['与投保人关系: 子女', '甲方应当按时交付房屋', '乙方 负责 日常维护', '权利人: 北京某某科技有限公司', '甲方(签字): ____________']);
  });
});

describe('names in IT free text', () => {
  it('takes a person written first in a description, a remark, an uploader field or after `by`', () => {
    check([
      ['Description:      司徒慧 只读审计', 'Description:      <NAME-1> 只读审计'],
      ['备注：邵雨欣 临时借用', '备注：<NAME-1> 临时借用'],
      ['comment = 祁宏伟的测试机', 'comment = <NAME-1>的测试机'],
      ['      "remarks": "欧阳雪的家宽-上海",', '      "remarks": "<NAME-1>的家宽-上海",'],
      ['[ci] robot 2, uploader: 符海燕', '[ci] robot 2, uploader: <NAME-1>'],
      ['# 2026-04-01 重置 by 牛佳慧', '# 2026-04-01 重置 by <NAME-1>'],
      ['MFA 已绑定到 尹思远 的手机', 'MFA 已绑定到 <NAME-1> 的手机'],
    ]);
    unchanged(['描述: 外包设计', '备注: 测试 环境', 'Description: 运维 只读', 'remarks: 机场订阅', 'made by 华为 技术', '说明: 默认 配置']);
  });

  it('keeps 陆军 as the army where no key names a person', () => {
    expect(redact('部队: 陆军 第一集团')).toBe('部队: 陆军 第一集团');
    expect(redact('安装: 陆军 2025-09-03')).toBe('安装: <NAME-1> 2025-09-03');
  });
});

describe('Latin names', () => {
  it('takes hyphenated given names (Cantonese, French) in name fields and a mail client alias', () => {
    check([
      ['set realname = "Lam Ka-wai"', 'set realname = "<NAME-1>"'],
      ['"full_name": "Jean-Pierre Moreau"', '"full_name": "<NAME-1>"'],
      ['alias finance Tse Mei-ling <meiling.tse@example.hk>', 'alias finance <NAME-1> <<EMAIL-1>>'],
    ]);
    unchanged(['alias ll ls -l', 'set realname = "Read-only Service"']);
    // A team's alias keeps its name (its address is the e-mail rule's).
    expect(redact('alias team IT Support <it@example.hk>')).toBe('alias team IT Support <<EMAIL-1>>');
  });
});

describe('names and logins in exports and scripts', () => {
  it("takes a person's pinyin name glued at the start of a Wi-Fi network's name", () => {
    check([
      ['ssid="LiuXiaoMing_5G"', 'ssid="<NAME-1>_5G"'],
      ['SSID 名称 : "WangJianGuo"', 'SSID 名称 : "<NAME-1>"'],
    ]);
    unchanged(["\toption ssid 'ChinaNet-A7x3'", "option ssid 'HuaWeiMate-5G'", 'ssid="XiaoMiWiFi_5G"', 'ssid="TheBigHouse"', 'ssid="TP-LINK_5G"']);
  });

  it("takes a QQ export's other side and a speaker's QQ number", () => {
    check([
      ['消息对象:邓思琪', '消息对象:<NAME-1>'],
      ['2026-04-02 21:03:11 小鱼(2938475610)', '2026-04-02 21:03:11 小鱼(<USER-1>)'],
    ]);
    unchanged(['消息对象:我的设备', '消息分组:我的好友', '2026-04-02 21:03:11 worker(12345)', '2026-04-02 21:03:11 任务(12345) 完成']);
  });

  it('takes the GECOS name given to useradd/usermod -c, Chinese or Latin', () => {
    check([
      // The login useradd creates is rest14a's (rules-rest14a.test.ts): taken with the name since the merge.
      ['sudo useradd -m -c "龙思远,运维部,ext 6021" longsy', 'sudo useradd -m -c "<NAME-1>,运维部,ext 6021" <USER-1>'],
      ["usermod --comment 'Ines Duarte,Finance' iduarte", "usermod --comment '<NAME-1>,Finance' <USER-1>"],
      ['adduser --gecos "Hyun-woo Park,,," hpark', 'adduser --gecos "<NAME-1>,,," <USER-1>'],
    ]);
    // A comment that is no name stays (the login after it is rest14a's to take).
    check([['useradd -r -c "测试账号" qa01', 'useradd -r -c "测试账号" <USER-1>']]);
    unchanged(['useradd -r -c "Nginx web server" nginx', 'useradd -c "Backup Service,,," backup']);
  });

  it("takes the person a mail's subject names before an HR paper", () => {
    check([
      ['Subject: 王芳_简历', 'Subject: <NAME-1>_简历'],
      ['MessageSubject : RE: 司马云飞-转正申请', 'MessageSubject : RE: <NAME-1>-转正申请'],
    ]);
    unchanged(['Subject: 财务-离职证明模板', '主题: 周报 2026-W12 财务共享中心', 'Subject: 入职-体检须知']);
  });

  it('takes a CSV cell of a Latin name and the login made of it, whatever the column', async () => {
    const csv = 'ID,用户,资产,账号\n1,Ingrid Holm(iholm),db01,root\n2,Tom Schulz(tom.schulz),web01,deploy\n3,Google Chrome(chrome),pc01,x\n';
    const out = await file('sessions.csv', csv);
    expect(out).toContain('1,<NAME-1>(<USER-1>),db01');
    expect(out).toContain('2,<NAME-2>(<USER-2>),web01');
    expect(out).toContain('Google Chrome(chrome)');
  });

  it("takes a Latin name under a CSV's (emergency) contact column, and a login under a 用户 column", async () => {
    const csv = '工号,姓名,紧急联系人,紧急联系人电话\nXX0101,Olga Petrova,Ivan Petrov,+7 916 000-11-22\n';
    expect(await file('roster.csv', csv)).toContain('XX0101,<NAME-1>,<NAME-2>,');
    const log = '"类型","日期","用户","内容"\n"信息","2026/04/01","zhangjing","登录成功"\n"信息","2026/04/01","admin","登录成功"\n';
    const out = await file('events.csv', log);
    expect(out).toContain('"<USER-1>"');
    expect(out).toContain('"admin"');
  });

  it("takes a foreign passport's number in a roster's identity-number column, not other 9-digit columns", async () => {
    const csv = '工号,姓名,证件号,订单号\nXX0047,Dmitri Volkov,E12345678,123456789\nXX0048,Li Lei,931204578,987654321\n';
    const out = await file('roster.csv', csv);
    expect(out).toContain('<PASSPORT-1>,123456789');
    expect(out).toContain('<PASSPORT-2>,987654321');
    // A travel permit's number is travel-permit's, not a passport.
    const other = '工号,证件类型,证件号\nXX0050,港澳通行证,C12345678\n';
    expect(await file('roster.csv', other)).not.toContain('PASSPORT');
  });
});

describe('numbers and codes', () => {
  it("takes a VIN after its label when its check digit holds", () => {
    check([
      ['车辆识别代号: LSVAU218XN2183294', '车辆识别代号: <SECRET-1>'],
      ['VIN: 1HGCM82633A004352', 'VIN: <SECRET-1>'],
      ['车架号 LGXCE4CB8P2071953', '车架号 <SECRET-1>'],
    ]);
    // A wrong check digit, a part number of the same length without the label.
    unchanged(['VIN: 1HGCM82634A004352', '零件号: LSVAU2180N2183294', 'LGXCE4CB8P2071953']);
  });

  it('takes a password given in a Chinese sentence and a long report verification code', () => {
    check([
      ['家里 WiFi 密码还是 hm20190611 吧？', '家里 WiFi 密码还是 <SECRET-1> 吧？'],
      ['第三条 保险柜密码 602718#，用完改掉', '第三条 保险柜密码 <SECRET-1>，用完改掉'],
      ['在线验证码: Q7M2PLD9W4RAX8K3', '在线验证码: <SECRET-1>'],
    ]);
    unchanged(['密码长度 8 位', '密码错误 3 次，账号已锁定', '短信验证码: 123456', '密码有效期 90 天']);
  });
});
