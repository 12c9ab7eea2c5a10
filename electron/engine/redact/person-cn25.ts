/**
 * Chinese person names in the places the older grammars miss (session 23, cjk25): person-name's patterns for these live here.
 *
 * - A role a document or a record gives a person, before its separator: the parties of a contract and their people
 *   (`发包方（甲方）：廖振华`, `甲方（签字）：…`, `甲方委托代表：…`, `乙方项目经理：…`, `见证人：…`, `保证人=…`), a pharmacy's or
 *   a clinic's people (`药师审方=季红梅`, `审方药师：…`, `调配人：…`, `发药人：…`), a patient's family and carers (`家属=宁志远`,
 *   `陪同人：…`, `监护人：…`), a shop's operator (`经营者：…`).
 * - A name before an office phone's words (`HR 卜晓雯 分机 8021`, `财务 王凌云 分机 8217`, `前台 李娜 内线 6001`).
 * - Names in a document's file name: two people and their certificate (`李思远和陶静的结婚证.jpg`), one person's document
 *   (`刘洋的简历.pdf`, `张伟的身份证正面.png`).
 * - A surname and a form of address after a family word (`家属麦太陪同`, `家属：陈先生`, `陪同人 林阿姨`): the only
 *   name a record gives the person. A title alone elsewhere (`张经理`, `王总`) stays a way of calling someone (validators.ts).
 * - A name with a middle dot (Uyghur, Kazakh, Tibetan and foreign names in Han: `艾力·买买提`, `迪丽热巴·迪力木拉提`) after a
 *   name key (`姓名：…`, `收件人=…`) or in a CSV column headed as a person's name (file-layout's pattern below).
 *
 * Every pattern starts at a literal (a key, a role, a form of address) or at the dot, never at a class of Han letters, so
 * a Chinese line without those words costs only the marks scan.
 */
import type { RulePattern } from './rules.js';
import { isChineseName } from './validators.js';

const HAN = String.raw`[\u4e00-\u9fa5]`;
/** Where a name ends: a blank, punctuation, a digit or the line's end (not more Han letters). */
const NAME_END = String.raw`(?=[ \t\u3000,，;；。、.:：)）(（|/\\\]"'<]|\d|\r?$)`;

// --- roles before a separator ---------------------------------------------------------------------------------------------
/** The parties of a contract (甲方, 发包方 …), with the party's letter in brackets after some (`发包方（甲方）`). */
const CN25_PARTY = String.raw`(?:[甲乙丙丁]方|发包方|發包方|承包方|委托方|委託方|受托方|受託方|买受方|出卖方|出租方|承租方|买方|卖方|借款方|贷款方)`;
/** A party's person (`甲方委托代表`, `乙方项目经理`), or the party itself signing. */
const CN25_PARTY_PERSON = String.raw`(?:委托代表|授权代表|委托代理人|代理人|代表人|代表|联系人|负责人|经办人|项目经理|现场代表|签字|签名|签章)`;
/** Roles that name a person without a party (a contract's, a pharmacy's, a patient's). */
const CN25_ROLE = String.raw`(?:委托代表|授权代表|项目经理|项目负责人|施工负责人|现场负责人|技术负责人|监理工程师|见证人|保证人|借款人|出借人|经营者|药师审方|审方药师|审方人|审方|调配人|发药人|核对人|配药人|家属|亲属|陪同人|陪护人|监护人)`;
/** The signing remark in brackets (`（签字）`, `(盖章)`), or the party's letter (`（甲方）`). */
const CN25_BRACKET = String.raw`(?:[(（](?:[甲乙丙丁]方|签字|签名|签章|盖章|手写)[)）])`;
/** A minority or foreign name in Han: two runs joined by a middle dot (`艾力·买买提`). */
const CN25_DOTTED = String.raw`${HAN}{1,8}[·•‧・]${HAN}{1,10}(?:[·•‧・]${HAN}{1,10})?`;

/** An invoice's buyer or seller named by its 名称 (a person buys too: `购方信息 名称=杭丽君`, `购买方  名称：柏晓峰`). */
const CN25_INVOICE_PARTY = String.raw`(?:购买方|购方|购货方|受票方|销售方|销方|付款方|收款方)(?:信息)?[ \t\u3000]*(?:[:：][ \t\u3000]*)?名称`;

const CN25_KEYED = new RegExp(
  String.raw`(?:${CN25_PARTY}${CN25_BRACKET}?${CN25_PARTY_PERSON}?|${CN25_ROLE}|${CN25_INVOICE_PARTY})${CN25_BRACKET}?[ \t\u3000]*[:：=][ \t\u3000]*(?<name>${HAN}{2,4})${NAME_END}`,
);

// --- a name before an office phone's words ------------------------------------------------------------------------------------
const CN25_EXTENSION = new RegExp(String.raw`(?<![\u4e00-\u9fa5A-Za-z])(?<name>${HAN}{2,3})[ \t\u3000]{1,4}(?:分机|内线|座机|短号)号?[ \t\u3000]*(?:[:：][ \t\u3000]*)?\d{3,8}(?!\d)`);

// --- names in a document's file name --------------------------------------------------------------------------------------------
/** Kinds of a personal document (the word after `X的`). */
const CN25_DOC = String.raw`(?:结婚证|离婚证|结婚照|婚纱照|合影|身份证|户口本|户口簿|出生证明?|简历|个人简历|护照|驾驶证|驾照|毕业证|学位证|体检报告|病历|化验单|工资条|劳动合同|房产证|不动产权证|社保卡|银行卡|证件照|录用通知|offer)`;
const CN25_DOC_NAME = new RegExp(
  String.raw`(?<=^|[\\/\s"'>：:=（(])(?<name>${HAN}{2,3}?)(?:(?:和|与|跟|、|&)(?<name2>${HAN}{2,3}?))?的${CN25_DOC}[^\\/\r\n"'<>|]{0,40}?\.(?:pdf|docx?|xlsx?|jpe?g|png|heic|bmp|tiff?|zip|rar|7z)(?![A-Za-z0-9])`,
  'i',
);

// --- a surname and a form of address after a family or carer word ------------------------------------------------------------------
const CN25_ADDRESSED = new RegExp(
  String.raw`(?:家属|亲属|陪同人?|陪护人?|监护人|紧急联系人)[ \t\u3000]*(?:[:：=][ \t\u3000]*)?(?<called>${HAN}(?:太太|太|先生|女士|小姐|阿姨|大姐|姐|叔叔|叔|伯伯|伯))(?=陪同|陪护|代签|签字|代办|到场|在场|来|[ \t\u3000,，;；。、)）(（]|\d|\r?$)`,
);

// --- a name with a middle dot after a name key ---------------------------------------------------------------------------------------
const CN25_DOTTED_KEYED = new RegExp(
  String.raw`(?:姓[ \t\u3000]*名|名字|全名|联系人|收件人|收货人|寄件人|发件人|申请人|持卡人|户名|开户名|患者|就诊人|学生|乘客|乘机人|乘车人|入住人|住客|客户|员工|家属|委托代表|[甲乙丙丁]方)(?:姓名)?[ \t\u3000]*[:：=][ \t\u3000]*(?<dotted>${CN25_DOTTED})${NAME_END}`,
);

// --- a person as the other side of a payment or an invoice (`抬头 个人（宣志明）`, `收款单位=个人 温建军`, `付款给供应商 孙建华`) ---
const CN25_PERSONAL_PARTY = new RegExp(
  String.raw`(?:(?:抬头|收款单位|付款单位|收款方|付款方|购方|购买方|开票对象|往来单位)[ \t\u3000]*(?:[:：=][ \t\u3000]*)?个人[ \t\u3000]*(?:[(（:：-][ \t\u3000]*)?|(?:付款|转账|汇款|打款|退款|转)给[ \t\u3000]*(?:(?:供应商|客户|个人|员工|对方|收款人)[ \t\u3000]*)?)(?<name>${HAN}{2,3})(?=[ \t\u3000,，;；。)）(（]|开户|账号|卡号|\d|\r?$)`,
);

// --- prose: an interview's candidate, who changed a synced file, a sync client's conflict copy, `联系人是 X` ---------------
const CN25_PROSE = new RegExp(
  String.raw`(?:面试|复试|初试|终面|一面|二面|三面|笔试)[ \t]*[:：][ \t]*(?<interviewee>${HAN}{2,3})(?=[（( \t,，"'」]|\r?$)` +
    String.raw`|被[ \t]*(?<by>${HAN}{2,3})[ \t]*(?:于|在)[ \t]*(?:\d{1,4}[-/:：年月]\d|今天|昨天|凌晨|上午|下午|晚上)` +
    String.raw`|(?<![\u4e00-\u9fa5])(?<copy>${HAN}{2,3})[ \t]?的(?:冲突副本|冲突文件|冲突版本|冲突拷贝)` +
    String.raw`|(?:联系人|负责人|对接人|经办人|收件人|收货人|签收人)(?:是|为)[ \t\u3000]*(?<is>${HAN}{2,4})${NAME_END}`,
);

// --- a Java/JSON abbreviation of a person's name key (`customerNm=高雨婷`, `"payerNm":"…"`, `CUST_NM=`) ----------------------------
const CN25_NM_KEY = new RegExp(
  String.raw`(?<![A-Za-z])(?:cust(?:omer)?|user|usr|acct|acc|account|payer|payee|holder|card(?:holder)?|real|emp|employee|staff|contact|member|mbr|person|psn|patient|pat|applicant|cert|certif|owner|recv|receiver|rcv|sender|buyer|seller|guest|driver|rider|student|stu|teacher|doctor)_?nm(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?(?<name>${HAN}{2,4})(?![\u4e00-\u9fa5])`,
  'i',
);

/** person-name's patterns of this file (rules.ts spreads them into its list). */
export const PERSON_CN25_PATTERNS: readonly RulePattern[] = [
  { regex: CN25_KEYED, targets: [{ group: 'name' }], validate: 'cn25Name' },
  { regex: CN25_EXTENSION, targets: [{ group: 'name' }], validate: 'cn25Name' },
  { regex: CN25_DOC_NAME, targets: [{ group: 'name' }, { group: 'name2' }], validate: 'cn25Name' },
  { regex: CN25_ADDRESSED, targets: [{ group: 'called' }], validate: 'cn25Called' },
  { regex: CN25_DOTTED_KEYED, targets: [{ group: 'dotted' }], validate: 'cn25Dotted' },
  { regex: CN25_PERSONAL_PARTY, targets: [{ group: 'name' }], validate: 'cn25Name' },
  { regex: CN25_PROSE, targets: [{ group: 'interviewee' }, { group: 'by' }, { group: 'copy' }, { group: 'is' }], validate: 'cn25AnyName' },
  { regex: CN25_NM_KEY, targets: [{ group: 'name' }], validate: 'cn25Name' },
];

const g = (m: RegExpExecArray, name: string) => m.groups?.[name] ?? '';

/** Han words a role's place may hold that read as a surname and a name (`甲方：同上`, `家属：本人`, `审方：通过`). */
const CN25_NOT_A_NAME = /^(?:同上|本人|自己|无|暂无|未填|不详|见上|如上|通过|合格|不合格|已审|待审|驳回|完成|签字|盖章|双方|各方|全体|家人|父亲|母亲|儿子|女儿|丈夫|妻子|爱人|配偶|子女|朋友|同事|邻居)$/;

/** Places and words a dotted title joins (`北京·上海`, `设计·施工`, `西湖·龙井`): no part of a transcribed name. */
const DOTTED_NOT_A_PART = /^(?:北京|上海|天津|重庆|广州|深圳|杭州|南京|成都|武汉|西安|苏州|香港|澳门|台湾|台北|中国|日本|韩国|美国|英国|法国|德国|西湖|龙井|设计|施工|科技|创新|文化|艺术|生活|时尚|健康|教育|旅游|美食|音乐|电影|体育|新闻|财经|汽车|房产|家居|数码|游戏)$/;

/** Whether every part of a dotted Han name is a plausible part: no word of a sentence, no place or company words. */
export function isDottedHanName(text: string): boolean {
  const parts = text.split(/[·•‧・]/);
  if (parts.length < 2 || parts.some((p) => p.length < 1) || text.length > 18) return false;
  // A dotted list of words or places (`北京·上海`, `设计·施工`, `中国·杭州`) is no name: names' transcriptions use few
  // of those characters.
  return !/[省市区县镇乡村路街号楼室国州城公司部科处局厅院校店厂馆站中心限团队会社协的了是在和与及或等之]/.test(text) && !parts.some((p) => DOTTED_NOT_A_PART.test(p));
}

/** Validators of this file (rule-validators.ts registers them). */
export const PERSON_CN25_VALIDATORS = {
  cn25Name: (m: RegExpExecArray) =>
    [g(m, 'name'), g(m, 'name2')].some((v) => v !== '') &&
    [g(m, 'name'), g(m, 'name2')].every((v) => v === '' || (isChineseName(v) && !CN25_NOT_A_NAME.test(v))),
  /** A surname before its form of address: a known surname (not `老太`, `大姐`). */
  cn25Called: (m: RegExpExecArray) => {
    const called = g(m, 'called');
    return isChineseName(called[0]! + '某') && !/^[老大小阿]/.test(called);
  },
  cn25AnyName: (m: RegExpExecArray) => {
    const name = ['interviewee', 'by', 'copy', 'is'].map((k) => g(m, k)).find((v) => v !== '') ?? '';
    return isChineseName(name) && !CN25_NOT_A_NAME.test(name);
  },
  cn25Dotted: (m: RegExpExecArray) => isDottedHanName(g(m, 'dotted')),
};

/** Marks-scan wakes (case-sensitive fragments, each starting at a non-ASCII literal). */
export const PERSON_CN25_MARKS = [
  String.raw`购买方|购方|购货方|受票方|销售方|销方|付款方|收款方|[甲乙丙丁]方|发包方|發包方|委託方|受託方|承包方|委托方|受托方|买受方|出卖方|出租方|承租方|买方|卖方|借款|贷款方|委托代表|授权代表|项目经理|项目负责人|施工负责人|现场负责人|技术负责人|监理工程师|见证人|保证人|出借人|经营者|审方|调配人|发药人|核对人|配药人|家属|亲属|陪同|陪护|监护人|紧急联系人`,
  String.raw`分机|内线|座机|短号`,
  String.raw`的${CN25_DOC}`,
  String.raw`[·•‧・]`,
  String.raw`个人|(?:付款|转账|汇款|打款|退款|转)给`,
  String.raw`面试|复试|初试|终面|一面|二面|三面|笔试|被[ \t]*[\u4e00-\u9fa5]{2,3}[ \t]*(?:于|在)|的冲突|(?:联系人|负责人|对接人|经办人|收件人|收货人|签收人)(?:是|为)`,
].join('|');

/** Words that wake person-name only with two Han characters right after them (its `hanNear`): an `…Nm` key. */
export const PERSON_CN25_HAN_NEAR = ['nm=', 'nm"', "nm'", 'nm:'];

/**
 * Per-line trigger fragments (person-name's trigger is case-insensitive): each pattern above needs one, each starting at
 * a rare literal (the separator after a role, the office phone's word, `的`, the dot), its key in a look-behind.
 */
export const PERSON_CN25_TRIGGER = [
  String.raw`(?:方|代表|代理人|代表人|联系人|负责人|经办人|经理|签字|签名|签章|工程师|见证人|保证人|借款人|出借人|经营者|名称|审方|审方人|药师|调配人|发药人|核对人|配药人|家属|亲属|陪同人|陪护人|监护人|[)）])[ \t\u3000]*[:：=][ \t\u3000]*[\u4e00-\u9fa5]{2}`,
  String.raw`(?:分机|内线|座机|短号)(?<=[\u4e00-\u9fa5]{2}[ \t\u3000]{1,4}(?:分机|内线|座机|短号))`,
  String.raw`的(?<=[\u4e00-\u9fa5]{2}的)${CN25_DOC}`,
  String.raw`(?:家属|亲属|陪同|陪护|监护人|紧急联系人)[ \t\u3000]*(?:[:：=][ \t\u3000]*)?[\u4e00-\u9fa5](?:太|先生|女士|小姐|阿姨|大姐|姐|叔|伯)`,
  String.raw`[·•‧・](?<=[\u4e00-\u9fa5][·•‧・])[\u4e00-\u9fa5]`,
  String.raw`个人[ \t\u3000]*(?:[(（:：-][ \t\u3000]*)?[\u4e00-\u9fa5]{2}`,
  String.raw`给(?<=(?:付款|转账|汇款|打款|退款|转)给)[^\r\n]{0,8}[\u4e00-\u9fa5]{2}`,
  String.raw`[:：](?<=(?:面试|复试|初试|终面|一面|二面|三面|笔试)[ \t]*[:：])[ \t]*[\u4e00-\u9fa5]{2}`,
  String.raw`被[ \t]*[\u4e00-\u9fa5]{2,3}[ \t]*(?:于|在)`,
  String.raw`的冲突`,
  String.raw`(?:是|为)(?<=(?:联系人|负责人|对接人|经办人|收件人|收货人|签收人)(?:是|为))[ \t\u3000]*[\u4e00-\u9fa5]{2}`,
  String.raw`nm\\?["']?[ \t]*[:=][ \t]*\\?["']?[\u4e00-\u9fa5]{2}`,
].join('|');

// --- file-layout: a CSV column headed as a person's name holding a dotted name -------------------------------------------------------
/** The cell of a dotted name (file-layout's csv pattern; its validator reads the column's header). */
export const CSV_DOTTED_NAME = new RegExp(String.raw`(?<=^|,"?)(?<name>${CN25_DOTTED})"?(?=,|\r?$)`);
