/**
 * Logins a Chinese desktop's apps write that user-name's older keys miss (session 23, cjk25).
 *
 * - Keys in traditional Chinese (Taiwan, Hong Kong: `帳號：`, `使用者名稱:`, `用戶名：`, `登入帳號=`), DingTalk's `钉钉号`, and
 *   the simplified keys as OCR and padded forms space them out (`微 信 号：qmy_0420_sh`, `账 号：` with an ideographic blank, `用 户 名:`).
 * - Baidu's `uname` beside its `uk` (百度网盘, 贴吧: `uname=lsy_hangzhou88`, `"uname":"…"`); not `uname` the command
 *   (`uname=Linux`, `uname: invalid option`).
 * - A shop's service login glued after its role (京东/淘宝 exports: `客服jd_kf_tangmin`, `售后 tb_kf_02`, `坐席:zx.wang`):
 *   only a login-shaped token (a `_`, `.` or `-` inside, or letters then digits).
 * - A nickname written in Han (`nickname=夜雨听风_2026`, `"nickName":"林间小鹿Lin"`, `昵称：阿杰的小家`): what an app calls
 *   the account; a nickname that reads as a Chinese personal name is person-name's.
 *
 * Every login goes through log-prose's `logProseLogin` validator (no word, no built-in or service account), and
 * `cn25Nickname`, `cn25Uname` below.
 */
import type { RulePattern } from './rules.js';
import { isChineseName } from './validators.js';

const B = String.raw`[ \t\u3000]*`;
/** Keys, simplified (spaced out: OCR and padded forms) and traditional. */
const CN25_LOGIN_KEY = [
  String.raw`微${B}信${B}号`, String.raw`账${B}号`, String.raw`帐${B}号`, String.raw`用${B}户${B}名`, String.raw`登${B}录${B}名`,
  String.raw`钉${B}钉${B}号`, String.raw`帳${B}號`, String.raw`帳${B}户${B}名${B}稱`, String.raw`使用者${B}名稱`, String.raw`使用者${B}帳號`,
  String.raw`用${B}戶${B}名(?:稱)?`, String.raw`用戶帳號`, String.raw`登入${B}帳號`, String.raw`登入${B}名稱`, String.raw`會員${B}帳號`,
].join('|');
/** A login: a letter, then word characters, dots and dashes. */
const LOGIN = String.raw`(?<user>[A-Za-z][\w.-]{1,31})`;
const LOGIN_END = String.raw`(?![\w.@-])`;

const CN25_KEYED_LOGIN = new RegExp(String.raw`(?:${CN25_LOGIN_KEY})${B}[:：=]${B}["'「]?${LOGIN}${LOGIN_END}`);
const CN25_UNAME = new RegExp(String.raw`(?<![\w.-])(?<kq>["']?)uname\k<kq>[ \t]*[=:][ \t]*["']?(?<uname>[A-Za-z][\w.-]{1,31})${LOGIN_END}`);
const CN25_SERVICE = new RegExp(String.raw`(?:客服|售后|坐席|店小二|小二|跟单员?)(?:[ \t]?[:：])?[ \t]?(?<user>[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+|[A-Za-z]{2,16}\d{1,8})${LOGIN_END}`);
/** A nickname's value: up to 24 characters with a Han letter among them, up to a quote, a blank or a separator. */
const CN25_NICK = new RegExp(
  String.raw`(?<![A-Za-z_])(?:nick_?name|nick|昵称|用户昵称|会员昵称|买家昵称|暱稱)(?:\\?["'])?[ \t]*[:=：][ \t]*(?:\\?["'])?(?<nick>(?=[^\s"'\\,&;|<>(){}\[\]，。；]{0,23}[\u4e00-\u9fa5])[^\s"'\\,&;|<>(){}\[\]，。；]{2,24})(?=[\s"'\\,&;|<>(){}\[\]，。；]|$)`,
  'i',
);

/** user-name's patterns of this file (rules.ts spreads them into its list). */
export const CN_LOGIN25_PATTERNS: readonly RulePattern[] = [
  { regex: CN25_KEYED_LOGIN, targets: [{ group: 'user' }], validate: 'logProseLogin' },
  { regex: CN25_UNAME, targets: [{ group: 'uname' }], validate: 'cn25Uname' },
  { regex: CN25_SERVICE, targets: [{ group: 'user' }], validate: 'logProseLogin' },
  { regex: CN25_NICK, targets: [{ group: 'nick' }], validate: 'cn25Nickname' },
];

/** What `uname` prints or says as the command: a kernel's or a system's name, an error's words. */
const UNAME_NOT_A_LOGIN = /^(?:linux|darwin|freebsd|openbsd|netbsd|dragonfly|sunos|solaris|aix|hp-ux|windows(?:_nt)?|cygwin\S*|mingw\S*|msys\S*|gnu|unknown|command|invalid|illegal|missing|usage|not|no|error|x86_64|aarch64|arm64|i[3-6]86)$/i;
/** A nickname an app fills in for no one (`微信用户`, `匿名`, `未设置`). */
const NICK_PLACEHOLDER = /^(?:微信用户|匿名(?:用户)?|游客|访客|未设置|未填写|暂无|无|空|默认(?:昵称)?|用户\d*|新用户|测试(?:用户)?|管理员|系统|客服)$/;

/** Validators of this file (rule-validators.ts registers them). */
export const CN_LOGIN25_VALIDATORS = {
  cn25Uname: (m: RegExpExecArray) => !UNAME_NOT_A_LOGIN.test(m.groups?.['uname'] ?? ''),
  cn25Nickname: (m: RegExpExecArray) => {
    const nick = m.groups?.['nick'] ?? '';
    return !NICK_PLACEHOLDER.test(nick) && !isChineseName(nick) && !/^<[A-Z]+-\d+>$/.test(nick);
  },
};

/** Words-scan wakes (case-insensitive literals). */
export const CN_LOGIN25_WORDS: readonly string[] = ['uname=', 'uname"', "uname'", 'uname:', 'nickname', 'nick_name', 'nick='];

/** Marks (a case-sensitive regex): the keys' first Han letters. */
export const CN_LOGIN25_MARKS = String.raw`微[ \t\u3000]+信|[账帐][ \t\u3000]+号|用[ \t\u3000]+户|登[ \t\u3000]+录|钉[ \t\u3000]*钉|帳|使用者|用戶|登入|會員|客服|售后|坐席|小二|跟单|昵称|暱稱`;

/** The trigger's alternatives (case-insensitive): a literal of each form. */
export const CN_LOGIN25_TRIGGER = [
  String.raw`微[ \t\u3000]*信[ \t\u3000]+号|微[ \t\u3000]+信|[账帐][ \t\u3000]+号|用[ \t\u3000]+户|用户[ \t\u3000]+名|登[ \t\u3000]+录|登录[ \t\u3000]+名|钉[ \t\u3000]*钉|帳|使用者|用戶|登入|會員`,
  String.raw`uname["']?[ \t]*[=:]`,
  String.raw`(?:客服|售后|坐席|小二|跟单员?)(?:[ \t]?[:：])?[ \t]?[a-z][a-z0-9]*[_.-]?[a-z0-9]`,
  String.raw`(?:nick_?name|nick|昵称|暱稱)\\?["']?[ \t]*[:=：][ \t]*\\?["']?[^\s"',&;]{0,23}[\u4e00-\u9fa5]`,
].join('|');
