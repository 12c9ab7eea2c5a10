/**
 * Person names in the prose and fields of application logs (session 18, name19): the grammars a framework's log line
 * names a customer, a contact or an operator with, whatever the logger (Spring/logback, Django, Rails, Laravel,
 * winston, pino, zap, Serilog, electron-log) — person-name's patterns for these live here, its older ones in rules.ts.
 *
 * - a person's key and its value, Latin or Han, in JSON, a Ruby or PHP hash, kwargs or a CLI flag:
 *   `"customer":"Yui Takahashi"`, `"full_name"=>"Joaquín Alvarado"`, `'name' => '甄浩宇'`, `"receiver":"祁梦洁"`,
 *   `--name="Gong Xinran"`; the bare key `name` only on a line that carries the person's e-mail, phone or password
 *   (`name='Daniela Fuentes' email=…`), as `name` alone names services, threads and products;
 * - English prose: a role noun after a preposition (`for customer Ravi Chandrasekar`), `for`/`to` a name followed by
 *   the person's phone or e-mail (`shipped to Lucas Bernard, tel …`, `refund issued to Tomás Ó Ceallaigh phone …`),
 *   `by` a name followed by its own login (`viewed by Jason Liang (jliang_bi)`), a display name before its e-mail
 *   (`Nadia Petrova <n.petrova@mail.ru>`), a display name a client joined as (`joined … as "闫若曦"`), an LDAP
 *   `CN=Luca Romano,OU=…`; a Han name after `for`/`to` in English prose (`account changed for 郁志强:`);
 * - Chinese log prose: a role word with the name in brackets (`操作员[应丽萍]`, `审核人【胡建斌】`), an office
 *   workflow's roles (`主办人 李雨琪 → 会签 徐文静`), a role, a desk and the name (`导出人：前台 卢梦瑶`), a name with its
 *   relation in brackets (`杜晓琳（母）`), a name in brackets after the phone a message went to (`15267031548 (徐文静)`),
 *   a real-name check's subject (`实名认证提交：欧阳晨 …`).
 *
 * Every Latin name goes through `proseLatinName` (rule-validators.ts): capitalised words, none an English word, a
 * product, service or place word; every Han name through `proseChineseName`: a known surname, no word that starts
 * with one (`张贴`, `李子`, `高速`).
 */
import type { RulePattern } from './rules.js';

// A capitalised Latin word of a name, accented letters too (`Joaquín`, `Müller`), hyphenated or with an apostrophe
// (`Jean-Pierre`, `O'Brien`); a particle between (`Tomás Ó Ceallaigh`, `Ludwig van Beethoven`).
// name21 (session 20): an Irish or Italian elided prefix (`O'Brien`, `D'Angelo`) is one capital, the apostrophe and a capital.
// name22 (session 21): Central European and Baltic letters too (Latin Extended-A: `Jakub Wiśniewski`, `Jana Dvořáková`,
// `Łukasz Żółć`, `Ģirts Bērziņš`), which Latin-1 lacks.
const WORD = String.raw`[A-ZÀ-ÖØ-ÞĀ-ž](?:[a-zß-öø-ÿĀ-ž]{1,15}(?:[-'’][A-ZÀ-ÖØ-ÞĀ-ž]?[a-zß-öø-ÿĀ-ž]{1,15})?|['’][A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]{1,15})`;
const PARTICLE = String.raw`(?:Ó|Ní|Nic|Mac|van|von|der|den|de|da|di|du|del|della|la|le|bin|ibn|al|dos|das)`;
/** Two or three words, a particle (or two: `Pieter van der Berg`, `María de la Cruz` — name20) allowed before the last ones. */
export const LATIN_NAME = String.raw`${WORD}(?:[ \t](?:${PARTICLE}[ \t]){0,2}${WORD}){1,2}`;
const HAN = String.raw`[\u4e00-\u9fa5]{2,4}`;
// Where a Latin name ends: not inside a word, an address or a host name.
const LATIN_END = String.raw`(?![\w@.-])`;

/** `name` as `[Nn][Aa][Mm][Ee]`: a key of any case inside a case-sensitive pattern. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);

// The roles a log names a person by, each a wake word of its own (a `…name` key wakes by its `name=`, `name"` …).
const ROLE_WORDS = [
  'customer', 'client', 'receiver', 'recipient', 'consignee', 'buyer', 'guest', 'patient', 'passenger', 'tenant', 'applicant', 'member', 'employee', 'contact', 'cardholder',
  // --- name20 (session 19): an insurer's and a recruiter's people (`filed by policy holder X`, `for claimant X`, `for new hire 邹欣怡`).
  'claimant', 'policyholder', 'policy holder', 'interviewee', 'new hire',
  // a shop's, a courier's and a tracker's hands (`operator=Li Wei`, `courier: Hans Gruber`, `"assignee":"Rahul Sharma"`).
  'operator', 'cashier', 'courier', 'shipper', 'approver', 'assignee', 'reporter', 'requester', 'signer',
  // --- end name20
  // --- name21 (session 20): an insurer's, a payer's and a landlord's people (`SMS queued for adjuster Declan Gallagher:`).
  'adjuster', 'underwriter', 'beneficiary', 'payee', 'subscriber', 'traveller', 'traveler', 'landlord', 'homeowner',
  // --- end name21
];
const ROLE = `(?:${ROLE_WORDS.join('|')})`;
// Keys that only ever hold a person (a role, or a name qualified as a person's).
// name22 (session 21): who exported, created or last saved a document or an export (RoyalTS `"ExportedBy": "X"`, `created_by`,
// `lastModifiedBy`), a photo's or a device's owner (exiftool `Owner Name`, padded to its colon). Not `artist`: a music library's
// is public (exiftool's `Artist` is NAME22's, in exiftool's own layout only).
const PERSON_KEY = String.raw`(?:${ROLE}(?:[_-]?(?:full_?)?name)?|(?:full|real|legal|person|user|nick)[_-]?name|fullname|realname|nickname|display_?name|(?:exported|created|modified|saved|uploaded|shared|last[_-]?modified)[_-]?by|owner[_ -]?name)`;
// The key the person's data rides on: `"customer":`, `'name' =>`, `name=`, `--name=`, YAML `- name:`.
// name22 (session 21): a dotted key's last part too (Yealink `account.1.display_name = 俞婉清`, Stripe `customer_details.name=X email=…`,
// `git config user.name=…`): the bare `name` still needs the person's e-mail, phone or password beside it.
const KEYED = new RegExp(
  String.raw`(?<![\w-])(?:--?)?(?<kq>["']?)(?<key>${anyCase(PERSON_KEY)}|${anyCase('name')})\k<kq>(?:[ \t]{0,40}(?:=>|[:=])[ \t]*|(?<=(?:^|[ \t])--?[A-Za-z_-]*[Nn]ame) (?=["']))(?<vq>["']?)(?:(?<latin>${LATIN_NAME})${LATIN_END}|(?<han>${HAN})(?![\u4e00-\u9fa5]))\k<vq>`,
);

// What a guest register or a roster row has after the gender cell: the identity document or its number, a phone.
// name20: a birth date's cell may stand between (a kindergarten's roll `Emma Schulz<TAB>女<TAB>2023-08-02<TAB>护照 …`).
const BIRTH_CELL = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\t|[ \t]*[,，|][ \t]*))?`;
const ID_AFTER_GENDER = String.raw`护照|身份证|证件|通行证|台胞证|[A-Z]{1,2}\d{6}|\d{6}|\+\d|<(?:PHONE|PASSPORT|CNID)-\d`;
// What follows a name in prose when it is a person's: the person's phone, e-mail or card.
// Lead, session 22: `tel` only before a number or its placeholder (`shipped to Łódź Fabryczna, tel dispatch` names a station).
const PERSONAL_DATUM = String.raw`,?[ \t]*(?:[(<][ \t]*(?:<EMAIL-\d+>|[\w.%+-]+@)|(?:[Tt]el|TEL)\.?(?:[ \t]*[:=][ \t]*|[ \t]+)(?:[+(\d]|<PHONE-)|(?:[Pp]hone|PHONE|[Mm]obile|MOBILE|last4)(?![A-Za-z]))`;
// The verbs person-name's words wake `<verb> by` on (rules.ts), the only ones a name and its login may follow here.
const BY_VERB = String.raw`(?:created|added|approved|requested|modified|updated|owned|maintained|managed|submitted|reviewed|assigned|installed|changed|edited|run|started|launched|executed|initiated|viewed|accessed|deleted|rejected|exported|uploaded|downloaded|locked|unlocked)`;
// name20: `in the name of` in English, Italian, French, German, Spanish and Portuguese, and `on behalf of`.
const BEHALF = String.raw`[Aa] nome di|[Aa]u nom de|[Ii]m Namen von|[Aa] nombre de|[Ee]m nome de|[Oo]n behalf of|[Ii]n the name of`;
// name20: what ends a shop's, a depot's or a team's name, never a person's (`tenant 张江店`, `customer 华东仓`).
const PLACE_END = String.raw`[店仓区市省县镇村路街部组队厂馆院局所站楼厅司行社园校室科处群]`;
// name20: the Chinese words for a guest, a customer or a patient, a Latin name after them (`招待：客户 Rashid Al-Mansouri（…）`).
const HAN_ROLE = String.raw`客户|顾客|访客|来宾|嘉宾|会员|乘客|住客|旅客|患者|学员|候选人|面试者`;
// name20: the workflow verbs a person's name follows with `by` or `to` alone, no login after it (`refund approved by
// Maria Rossi`, `ticket escalated to Rahul Sharma.`): the name ends the clause (a dot ends it, `Sharma.com` is a host).
// Only verbs of a person's decision: a product signs, verifies, processes and handles (`signed by Sectigo Limited`,
// `processed by Celery Beat`), a courier is handed a parcel.
const WORKFLOW_BY = String.raw`approved|rejected|refunded|voided|reviewed|submitted|requested|escalated|countersigned`;
const WORKFLOW_TO = String.raw`assigned|reassigned|escalated|handed over|delegated`;
const CLAUSE_END = String.raw`(?=[ \t]*(?:[,;:.)\]]|\r?$)|[ \t]+(?:at|on|via|from|for|with|in|after|before|and)[ \t])`;
// name20: a chat or a call a client opened with a person (Feishu `open chat p2p with 滕子墨 (open_id …)`, `call with Ana Souza`).
const CHAT = String.raw`[Cc]hat|[Cc]onversation|[Cc]all|[Mm]eeting|DM`;
const PROSE = new RegExp(
  // name22 (session 21): or a role opening a bracket's or a list's item (`(order #100482, customer Rui Carvalho)`).
  String.raw`(?:(?<![\w-])(?:for|to|by|from|with|of|about|on)[ \t]+|[(,;][ \t]*)(?:the[ \t]+|new[ \t]+)?${anyCase(ROLE)}[ \t]+(?<role>${LATIN_NAME})${LATIN_END}` +
    String.raw`|(?<![\w-])(?:for|to)[ \t]+(?<datum>${LATIN_NAME})(?=${PERSONAL_DATUM})` +
    String.raw`|(?<![\w-])${BY_VERB} by[ \t]+(?<by>${LATIN_NAME})[ \t]*\((?<login>[A-Za-z][\w.-]{1,31}|<USER-\d+>)\)` +
    // --- name20 (session 19): a Han name after an English role noun, a preposition or none (`member 温若彤 phone=…`,
    // `for new hire 邹欣怡 (already …)`); a Latin name a document or a payment is made out to, in five languages
    // (`fattura a nome di Francesca Russo`, `au nom de Jean Dupont`, `on behalf of Ingrid Olsen`).
    String.raw`|(?<![\w-])(?:(?:for|to|by|from|with|of|about|on)[ \t]+)?(?:the[ \t]+|new[ \t]+)?${anyCase(ROLE)}[ \t]+(?<han>${HAN})(?<!${PLACE_END})(?![\u4e00-\u9fa5])` +
    String.raw`|(?<![\w-])(?:${BEHALF})[ \t]+(?<behalf>${LATIN_NAME})${LATIN_END}` +
    String.raw`|(?:${HAN_ROLE})[ \t\u3000]*(?:[:：][ \t\u3000]*)?(?<hanRole>${LATIN_NAME})${LATIN_END}` +
    String.raw`|(?<![\w-])(?:(?:${WORKFLOW_BY}) by|(?:${WORKFLOW_TO}) to)[ \t]+(?:(?:the[ \t]+)?${anyCase(ROLE)}[ \t]+)?(?<wf>${LATIN_NAME})(?![\w@-]|\.\w)${CLAUSE_END}` +
    String.raw`|(?<![\w-])(?:${CHAT})(?:[ \t]+[a-z0-9]{2,10})?[ \t]+with[ \t]+(?:(?<chatHan>${HAN})(?![\u4e00-\u9fa5])|(?<chatLatin>${LATIN_NAME})${LATIN_END})`,
  // --- end name20
);

// --- name21 (session 20): a person in an object dump, a contact line, a notification, a huddle, a record's label ------
// The classes whose dump holds a person (rule-validators.ts PERSON_CLASS reads a `name` key inside their brackets): a
// positional first field is the person's name too (Scala `Claimant(Siobhan Murphy, +353 …)`, Kotlin `Guest("Ana Souza", 2)`).
const PERSON_CLASS_WORDS = ['User', 'Customer', 'Client', 'Person', 'Contact', 'Member', 'Employee', 'Guest', 'Patient', 'Passenger', 'Tenant', 'Applicant', 'Claimant', 'Policyholder', 'Owner', 'Buyer', 'Recipient', 'Consignee', 'Student', 'Teacher', 'Cardholder', 'Attendee', 'Participant', 'Subscriber', 'Beneficiary', 'Payee', 'Candidate', 'Traveller', 'Traveler'];
const CLASS_SUFFIX = String.raw`(?:Dto|DTO|Entity|Info|Record|Model|Data|Details?|Profile|Vo|VO|Bean)?`;
// Contact words in six languages (`Ansprechpartner: Friederike Wagner, Tel. …`, `Notfall-Kontakt Rüdiger Vogt +49 …`, Cisco
// `snmp-server contact Thomas Brandt t.brandt@…`, `referente: Marco Rossi`), and a card's holder (`Name on Card:Kerstin Meier`).
const CONTACT_WORD = String.raw`Ansprechpartner(?:in)?|[Kk]ontaktperson|Notfall-?[Kk]ontakt|Kontakt|[Cc]ontatto|[Rr]eferente|[Ii]nterlocut(?:eur|rice)|[Cc]ontacto|[Cc]ontato|[Cc]ontactpersoon|sys[Cc]ontact|[Cc]ontact(?:[ _-]?[Pp]erson)?|[Nn]ame on [Cc]ard|[Nn]ame_on_card|[Cc]ard[ _][Hh]older(?:[ _]?[Nn]ame)?|[Cc]ardholder(?:[ _]?[Nn]ame)?|Karteninhaber|[Tt]itolare(?: della carta)?`;
// What follows a contact's name: a separator, the person's phone, e-mail or `Tel.`, or the end of the line or value.
const CONTACT_END = String.raw`(?=["']?(?:[ \t]*(?:[,;(<]|\+\d|(?:[Tt]el|TEL|[Mm]obil|[Hh]andy)\b|[\w.%+-]+@)|[ \t]*\r?$))`;
// A message or a call a person sent (`Notification from Marco Bellini in #ops-milano`, `missed call from Ana Souza`).
const FROM_WHAT = String.raw`[Nn]otification|[Mm]essage|[Ii]nvit(?:e|ation)|[Mm]issed call`;
// Sessions a person joins with others (`joined huddle with Luca Bianchi, Chiara Esposito`, `scheduled visit with Hemi Walker at`).
const WITH_WHAT = String.raw`[Hh]uddle|[Vv]isit|[Aa]ppointment|[Ii]nterview`;
// A record's id with its person's name in brackets (`invalid password for user #4417 (Valentina Greco)`).
const ID_OWNER = String.raw`[Uu]ser|[Cc]ustomer|[Mm]ember|[Aa]ccount|[Cc]lient|[Ee]mployee|[Pp]atient|[Gg]uest`;
// A device or a desk named after its person, in a config's quoted label (EdgeRouter `description "Handy Chiamaka Okonkwo"`,
// ProCurve `name "Buero Katarina Petrova"`, `"Laptop Jannik Petersen"`).
const OWNED_THING = String.raw`Handy|Telefon|Laptop|Buero|Bureau|Ufficio|Oficina`;
// A label, a description or a bookmark whose value ends with its person in brackets (Cyberduck `<string>Verlag Kiel –
// Webserver (Jannik Petersen)</string>`, Compass `"name": "Prod – orders (Anouk de Jong)"`), and a name with a worker's
// status in brackets (`comment: 'Rahul Gupta (contractor)'`).
const LABEL_OPEN = String.raw`<(?:string|[Dd]escription|[Tt]itle|[Cc]omment|[Ll]abel)>|(?:[Nn]ame|[Tt]itle|[Ll]abel|[Dd]escription|[Cc]omment)["']?(?:[ \t]*[:=])?[ \t]*["']`;
const WORKER_STATUS = String.raw`contractor|freelancer?|consultant|Praktikant(?:in)?|Werkstudent(?:in)?`;
// Titles a person's name follows (`our CTO Ou Minghui`, `cc hiring manager Dana Whitfield`, `with the landlord Ana Souza`).
const JOB_TITLE = String.raw`CEO|CTO|CFO|COO|CIO|[Hh]iring [Mm]anager|[Rr]ecruiter|[Ss]upervisor|[Ll]ine [Mm]anager|[Aa]ccount [Mm]anager|[Cc]ase [Mm]anager|[Pp]roject [Mm]anager|[Pp]roduct [Mm]anager`;
// Chinese roles a foreign person is written under (单一窗口 `境外收货人: Rajesh Kumar Iyer`, `外籍业主：Thomas Becker`).
const HAN_ROLE_X = String.raw`(?:收货|收件|发货|寄件|联系|申请|经办|负责|报关|收款|付款|持卡|投保|被保险|代理|委托|担保|监护|入住|乘机|乘车|报销|出差|值班|订票|预订|下单)人|业主|房东|租客|旅客|学生|家长|教师|老师|医生|护士|外籍员工|外籍人士`;
// One pattern per grammar: each then runs only on lines holding its literals (line-engine.ts mayMatch); as one
// alternation, every grammar ran on every line person-name's trigger passed (the Chinese and web-app rows lost 15 %).
const NAME21: readonly RegExp[] = [
  new RegExp(String.raw`(?<![\w.])(?:[A-Z][a-z]{1,15}){0,2}(?:${PERSON_CLASS_WORDS.join('|')})${CLASS_SUFFIX}[ \t]?[({[][ \t]*["']?(?<ctor>${LATIN_NAME})["']?(?=[ \t]*[,)\]}])`),
  new RegExp(String.raw`(?<![\w-])(?:${CONTACT_WORD})(?:[ \t]*[:=])?[ \t]*["']?(?<contact>${LATIN_NAME})${CONTACT_END}`),
  new RegExp(String.raw`(?<![\w-])(?:${FROM_WHAT})s? from (?<sender>${LATIN_NAME})(?![\w@-]|\.\w)${CLAUSE_END}`),
  new RegExp(String.raw`(?<![\w-])(?:${WITH_WHAT}|${CHAT})(?:[ \t]+[a-z0-9]{2,10})?[ \t]+with[ \t]+(?<with1>${LATIN_NAME})${LATIN_END}(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+)(?<with2>${LATIN_NAME})${LATIN_END})?`),
  new RegExp(String.raw`(?<![\w-])(?:${ID_OWNER})[ \t]*(?:(?:#|[Ii][Dd](?:[ \t]*[:=#])?)[ \t]*)?\d{1,12}[ \t]*[([](?<idName>${LATIN_NAME})[)\]]`),
  new RegExp(String.raw`["'](?:${OWNED_THING})[ \t]+(?<device>${LATIN_NAME})["']`),
  new RegExp(String.raw`(?:${LABEL_OPEN})[^<>"'\r\n()]{0,80}?\((?<tail>${LATIN_NAME})\)(?=[ \t]*["'<])`),
  new RegExp(String.raw`(?<![\w-])(?<worker>${LATIN_NAME})[ \t]*\((?:${WORKER_STATUS})\)`),
  new RegExp(String.raw`(?<![\w-])(?:[Oo]ur|[Yy]our|[Tt]he|[Ww]ith|[Ff]rom|[Bb]y|[Tt]o|[Aa]nd|[Cc]c)[ \t]+(?:${JOB_TITLE})[ \t]+(?<titled>${LATIN_NAME})${LATIN_END}`),
  new RegExp(String.raw`(?<![\w-])for[ \t]+account[ \t]+(?<acct>${LATIN_NAME})(?=[ \t]*[(,:;]|[ \t]*\r?$)`),
  new RegExp(String.raw`(?:${HAN_ROLE_X})[ \t\u3000]*[:：=][ \t\u3000]*(?<hanRoleX>${LATIN_NAME})${LATIN_END}`),
  new RegExp(String.raw`(?:^|(?<=[\s(,;]))FN[:=](?:(?<fnLatin>${LATIN_NAME})${LATIN_END}|(?<fnHan>${HAN})(?![\u4e00-\u9fa5]))(?=[ \t]*(?:[,;)]|\r?$))`),
  new RegExp(String.raw`\[(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?\][ \t]{1,2}(?<speaker>${LATIN_NAME})(?=[ \t]*:[ \t])`),
];
// Han names (name21): a list of names after a role (`入住人 庞宇航、钱梓萌`), a desk or department, a name and what the person did
// to a workflow (`财务 司马静怡 复核`, `由 IT 部 骆思彤 推送`), an office file named after its person with a version after
// (`报价单-钱冠宇-v3.xlsx`), a Tencent Cloud SMS template's first parameter (`"TemplateParamSet": ["秦雅婷", …]`).
const DESK = String.raw`财务|出纳|人事|行政|法务|前台|会计|HR|IT|运维|主管|经理|总监|部门经理|总经理|副总|董事长|(?:[A-Z]{2,5}[ \t]?|[\u4e00-\u9fa5]{1,4})(?:部|组|科|处|室|中心)`;
const FLOW_DID = String.raw`复核|审核|审批|同意|驳回|确认|签字|签收|付款|推送|发布|办理|经办|批准|会签`;
const DOC_VERSION = String.raw`[vV]\d{1,3}(?:\.\d{1,2})?|final|终版|定稿|签字版|修订版|最终版|副本|\(\d\)|（\d）|\d{1,8}`;
const HAN_NAME21: readonly RegExp[] = [
  new RegExp(String.raw`、(?<=(?<![\u4e00-\u9fa5])[\u4e00-\u9fa5]{1,4}[人员][ \t\u3000]*(?:[:：][ \t\u3000]*)?(?<list1>[\u4e00-\u9fa5]{2,3}|<NAME-\d+>)、)(?<list2>[\u4e00-\u9fa5]{2,3})(?:、(?<list3>[\u4e00-\u9fa5]{2,3}))?(?![\u4e00-\u9fa5])`),
  new RegExp(String.raw`(?<deskDid>(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|令狐|夏侯|端木|南宫|独孤)[\u4e00-\u9fa5]{1,2}|[\u4e00-\u9fa5]{2,3})[ \t\u3000]+(?:${FLOW_DID})(?<=(?:^|[ \t\u3000→>:：，,由])(?:${DESK})[ \t\u3000]+[\u4e00-\u9fa5]{2,4}[ \t\u3000]+(?:${FLOW_DID}))`),
  new RegExp(String.raw`[-_](?<docVersioned>[\u4e00-\u9fa5]{2,3})[-_ ](?:${DOC_VERSION})\.(?:xlsx?|docx?|pdf|pptx?|wps|et|csv|zip|rar|7z|txt|ofd)(?![\w-])`),
  new RegExp(String.raw`TemplateParam(?:Set|s)?["']?[ \t]*[:=][ \t]*\[[ \t]*["'](?<smsParam>[\u4e00-\u9fa5]{2,4})["']`),
];
// --- end name21

// --- name22 (session 21): a document's or a photo's person in its metadata — exiftool's aligned tags (`[IFD0]  Artist   :
// Ingrid Halvorsen`, `Creator`, `By-line`, `Last Modified By`: two blanks or more before the colon, as exiftool
// pads), and OOXML/ODF core properties (`<dc:creator>孟婷</dc:creator>`, `<cp:lastModifiedBy>Tobias Gruber</…>`).
const EXIF_PERSON_TAG = String.raw`Artist|Creator|By-line|Last Modified By|Camera Owner Name`;
const DOC_PERSON_ELEMENT = String.raw`dc:creator|cp:lastModifiedBy|meta:initial-creator`;
const NAME22: readonly RegExp[] = [
  new RegExp(String.raw`^(?:\[[\w-]{2,16}\][ \t]+)?(?:${EXIF_PERSON_TAG})[ \t]{2,}:[ \t](?:(?<exifLatin>${LATIN_NAME})|(?<exifHan>${HAN}))[ \t]*\r?$`),
  new RegExp(String.raw`<(?<el>${DOC_PERSON_ELEMENT})>(?:(?<docLatin>${LATIN_NAME})|(?<docHan>${HAN}))</\k<el>>`),
];
// --- end name22

// What a Latin name needs, in a case-insensitive trigger: two words of letters (LATIN_NAME is two or three
// capitalised words), so `for tenant acme-22,` or `name=worker` does not wake its ~100 patterns (they cost the
// generated ASCII log half its speed).
// name22: a word's letters may be Latin Extended-A (`Łukasz Żółć`, `Tomáš Novák`).
const TWO_WORDS = String.raw`[a-zà-ÿĀ-ž]{2}[a-zß-ÿĀ-ž'’-]{0,30}[ \t]+[a-zà-ÿĀ-ž][a-zà-ÿĀ-ž'’]`;

/** Per-line trigger fragments (case-insensitive): each pattern below needs one of them. */
export const PERSON_PROSE_TRIGGER = [
  String.raw`(?<![\w-])(?:--?)?["']?(?:${PERSON_KEY}|name)["']?[ \t]{0,40}(?:=>|[:=])[ \t]*["']?(?:${TWO_WORDS}|[\u4e00-\u9fa5]{2})`,
  String.raw`(?:^|[ \t])--?[a-z_-]*name ["'](?:${TWO_WORDS}|[\u4e00-\u9fa5]{2})`,
  String.raw`(?:(?:for|to|by|from|with|of|about|on)[ \t]+|[(,;][ \t]*)(?:the[ \t]+|new[ \t]+)?${ROLE}[ \t]+${TWO_WORDS}`,
  String.raw`(?:for|to)[ \t]+[a-zà-ÿ]{2}[^\r\n]{0,60}?(?:[(<][ \t]*(?:<email-\d|[\w.%+-]+@)|tel[ :=]|phone|mobile|last4)`,
  String.raw`${BY_VERB} by[ \t]+[a-zà-ÿ]{2}[^\r\n]{0,60}?\(`,
  // --- name20
  String.raw`(?<![a-z])${ROLE}[ \t]+[\u4e00-\u9fa5]{2}`,
  String.raw`(?:${BEHALF.toLowerCase()})[ \t]+${TWO_WORDS}`,
  String.raw`(?:${HAN_ROLE})[ \t\u3000]*(?:[:：][ \t\u3000]*)?${TWO_WORDS}`,
  String.raw`(?:(?:${WORKFLOW_BY}) by|(?:${WORKFLOW_TO}) to)[ \t]+${TWO_WORDS}`,
  String.raw`(?:chat|conversation|call|meeting|dm)(?:[ \t]+[a-z0-9]{2,10})?[ \t]+with[ \t]+(?:[\u4e00-\u9fa5]{2}|${TWO_WORDS})`,
  // --- end name20
  // --- name21 (each in a group of its own: factor.ts spreads a leading `(?:a|b)X` into `aX|bX`, and the ASCII part of
  // this trigger grew past V8's 20 KB limit for optimised regexes — the ASCII row ran at half speed)
  String.raw`(?:(?:${PERSON_CLASS_WORDS.join('|').toLowerCase()})(?:dto|entity|info|record|model|data|details?|profile|vo|bean)?[ \t]?[({[][ \t]*["']?${TWO_WORDS})`,
  String.raw`(?:(?:${CONTACT_WORD.toLowerCase()})(?:[ \t]*[:=])?[ \t]*["']?${TWO_WORDS})`,
  String.raw`(?:(?:${FROM_WHAT.toLowerCase()})s? from ${TWO_WORDS})`,
  String.raw`(?:(?:${WITH_WHAT.toLowerCase()}|${CHAT.toLowerCase()})(?:[ \t]+[a-z0-9]{2,10})?[ \t]+with[ \t]+${TWO_WORDS})`,
  String.raw`(?:(?:${ID_OWNER.toLowerCase()})[ \t]*(?:(?:#|id(?:[ \t]*[:=#])?)[ \t]*)?\d{1,12}[ \t]*[([]${TWO_WORDS})`,
  String.raw`(?:["'](?:${OWNED_THING.toLowerCase()})[ \t]+${TWO_WORDS})`,
  // (each starts at a literal: a fragment led by a class of letters or spaces is tried at every character of every
  // line the words wake — name21 first wrote two such and halved the ASCII row)
  String.raw`(?:(?:${LABEL_OPEN.toLowerCase()})[^<>"'\r\n()]{0,80}?\(${TWO_WORDS})`,
  String.raw`(?:\((?:${WORKER_STATUS.toLowerCase()})\))`,
  String.raw`(?:(?:${JOB_TITLE.toLowerCase()})[ \t]+${TWO_WORDS})`,
  String.raw`(?:for[ \t]+account[ \t]+${TWO_WORDS})`,
  String.raw`(?:(?:${HAN_ROLE_X})[ \t\u3000]*[:：=][ \t\u3000]*${TWO_WORDS})`,
  String.raw`(?:fn[:=](?:${TWO_WORDS}|[\u4e00-\u9fa5]{2}))`,
  String.raw`(?:\[(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[ap]m)?\][ \t]{1,2}${TWO_WORDS}[^\r\n:]{0,30}:[ \t])`,
  String.raw`[\u4e00-\u9fa5][人员][ \t\u3000]*(?:[:：][ \t\u3000]*)?[\u4e00-\u9fa5]{2,3}、[\u4e00-\u9fa5]{2}`,
  String.raw`[\u4e00-\u9fa5]{2}[\u4e00-\u9fa5]{0,2}[ \t\u3000]+(?:${FLOW_DID})`,
  String.raw`(?:[-_][\u4e00-\u9fa5]{2,3}[-_ ](?:${DOC_VERSION.replace('[vV]', 'v')})\.)`,
  String.raw`(?:templateparam(?:set|s)?["']?[ \t]*[:=][ \t]*\[[ \t]*["'][\u4e00-\u9fa5]{2})`,
  // --- end name21
  // --- name22
  String.raw`(?:^(?:\[[\w-]{2,16}\][ \t]+)?(?:${EXIF_PERSON_TAG.toLowerCase()})[ \t]{2,}:[ \t](?:${TWO_WORDS}|[\u4e00-\u9fa5]{2}))`,
  String.raw`(?:<(?:${DOC_PERSON_ELEMENT.toLowerCase()})>(?:${TWO_WORDS}|[\u4e00-\u9fa5]{2}))`,
  // --- end name22
  String.raw`(?<![\w.])(?:mrs?\.|ms\.|mx\.|dr\.|prof\.|mrs|herr|frau|mme|mlle)[ \t]+[a-zà-þ][a-zß-ÿ]`,
  String.raw`[a-zß-ÿ][ \t]*[<(][ \t]*(?:<email-\d|[\w.%+-]{1,64}@)`,
  String.raw` as ["“](?:[a-zà-ÿ]{2}|[\u4e00-\u9fa5]{2})`,
  String.raw`(?<![a-z])cn=[a-zà-ÿ]{2}[^,=\r\n]{0,60}?,(?:ou|dc|cn|o|l|c)=`,
  String.raw`(?:for|to) [\u4e00-\u9fa5]{2}`,
  String.raw`(?:[\u4e00-\u9fa5][人员]|用户|客户|账号|帐号|账户|帐户|患者)[ \t]*[[【][\u4e00-\u9fa5]{2}`,
  String.raw`[\u4e00-\u9fa5][人员][ \t]*=[ \t]*["']?[\u4e00-\u9fa5]{2}`,
  String.raw`[a-zß-ÿ](?:\t|[ \t]*[,，|][ \t]*)[男女](?:\t|[ \t]*[,，|][ \t]*)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\t|[ \t]*[,，|][ \t]*))?(?:护照|身份证|证件|通行证|台胞证|[a-z]{1,2}\d{6}|\d{6}|\+\d|<(?:phone|passport|cnid)-\d)`,
  String.raw`(?:主办人|协办人|会签人?|承办人|阅办人|拟稿人|核稿人|签发人|审阅人|批示人|传阅人?|抄送人)[ \t\u3000]*(?:[:：][ \t\u3000]*)?[\u4e00-\u9fa5]{2}`,
  String.raw`[\u4e00-\u9fa5][人员][ \t\u3000]*[:：][ \t\u3000]*(?:前台|收银|财务|人事|行政|客服|出纳|会计|仓管|库管|保安|门卫|司机|店长|领班|大堂|护士|药房|医生)[ \t\u3000]+[\u4e00-\u9fa5]{2}`,
  String.raw`[\u4e00-\u9fa5]{2}[ \t]?[(（](?:父亲|母亲|爸爸|妈妈|丈夫|妻子|儿子|女儿|配偶|爷爷|奶奶|外公|外婆|祖父|祖母|哥哥|姐姐|弟弟|妹妹|父|母|夫|妻|子|女|兄|弟|姐|妹)[)）]`,
  String.raw`(?:\d|<phone-\d+>)[ \t]*[(（][\u4e00-\u9fa5]{2,4}[)）]`,
  String.raw`实名[\u4e00-\u9fa5]{0,6}[:：][ \t\u3000]*[\u4e00-\u9fa5]{2}`,
  String.raw`[\u4e00-\u9fa5]{2}[ \t]?的[ \t]*(?:nas|路由|平板|台式机|主机|打印机|电视|音箱|相机|手表|watch|switch|pc|kindle|thinkpad|surface|galaxy|pixel|homepod|xbox|ps5)`,
  String.raw`[(（][\u4e00-\u9fa5]{2,4}[,，、][ \t]*[a-z\u4e00-\u9fa5][\w\u4e00-\u9fa5 .-]{0,15}[)）]`,
  String.raw`[\u4e00-\u9fa5]{2} 和 [\u4e00-\u9fa5]{2}`,
  String.raw`来自[ \t]*[\u4e00-\u9fa5]{2}`,
  String.raw`[\u4e00-\u9fa5]{2}['’]s `,
  String.raw`[\u4e00-\u9fa5]{2}[ \t]*[(（]姓名[)）]`,
  String.raw`[a-z][a-z0-9._]{2,31}[,\t](?:[^,\t\r\n]{1,40}[,\t])?[\u4e00-\u9fa5]{2,4}(?:[,\t]|\r?$)`,
  String.raw`[\u4e00-\u9fa5]{2} (?:printed|scanned|copied|faxed|logged|signed|uploaded|downloaded|deleted|created|updated|approved|rejected|submitted|requested|joined|left|opened|closed|checked)`,
].join('|');

/** Words-scan wakes (case-insensitive literals): the keys and role nouns above, `by`, `as "`, `cn=`. */
export const PERSON_PROSE_WORDS = [
  ...ROLE_WORDS,
  'name=',
  'name:',
  // --- name22: PERSON_KEY's document and photo keys (`ExportedBy`, `created_by`, exiftool `Artist`, `Owner Name`)
  // (the key's end, not its start: `createdb`, `account created`, `last modified` are other rules' words, and a word
  // hides another that overlaps it)
  'by"',
  "by'",
  'by:',
  'by=',
  'artist',
  'owner name ',
  'creator',
  'by-line',
  'last modified by',
  'lastmodifiedby>',
  // --- end name22
  'name"',
  "name'",
  'name =',
  'name :',
  'name "',
  "name '",
  'tel ',
  'tel:',
  'tel=',
  'phone',
  'mobile',
  'last4',
  'as "',
  'as “',
  'cn=',
  // --- name20: `in the name of` (PROSE's BEHALF)
  'a nome di',
  'au nom de',
  'im namen von',
  'a nombre de',
  'em nome de',
  'on behalf of',
  'in the name of',
  // PROSE's WORKFLOW_BY and WORKFLOW_TO (the `<verb> by` of BY_VERB wake in rules.ts), CHAT
  'refunded by',
  'voided by',
  'escalated by',
  'assigned to',
  'escalated to',
  'handed over to',
  'delegated to',
  'countersigned by',
  'chat ',
  'conversation with',
  'call with',
  'meeting with',
  'dm with',
  // --- end name20
  // --- name21: object dumps (`User(`; the other person classes are role words above), contact words, notifications,
  // huddles, ids with a name, devices, labels, titles, vCard FN, documents, SMS templates. Kept few: the words scan's
  // automaton (word-scan.ts) holds ~8 000 states of 62 character classes at most and main had ~7 100 (a word with a new
  // character such as `)` or `;` adds a class: 7 100 cells more); past it the scan falls back to its regex (ASCII row ×0.4).
  'user(',
  'user{',
  'person(',
  'ansprechpartner',
  'kontakt',
  'contatto',
  'referente',
  'interlocut',
  'contacto',
  'contato',
  'name on card',
  'card holder',
  'karteninhaber',
  'titolare',
  'notification from',
  'message from',
  'invite from',
  'invitation from',
  'missed call from',
  'huddle with',
  'visit with',
  'appointment with',
  'interview with',
  'user #',
  'user id',
  'account #',
  'account id',
  'handy ',
  'buero ',
  'laptop ',
  'telefon ',
  'ufficio ',
  'bureau ',
  'oficina ',
  'string>',
  'description',
  'title',
  'label',
  'comment',
  'contractor',
  'freelance',
  'consultant',
  'praktikant',
  'werkstudent',
  'ceo ',
  'cto ',
  'cfo ',
  'coo ',
  'cio ',
  'manager ',
  'recruiter',
  'supervisor',
  'for account ',
  'fn:',
  'fn=',
  'templateparam',
  // --- end name21
  // lead (session 19): the honorifics before a name (dotted where the bare word is a log's unit: `ms`, `dr`).
  'mr. ',
  'mrs. ',
  'ms. ',
  'mx. ',
  'dr. ',
  'prof. ',
  'mrs ',
  'herr ',
  'frau ',
  'mme ',
  'mlle ',
];

/** Words that wake person-name only with two Han characters right after them (its `hanNear`): a Han name in English prose. */
export const PERSON_PROSE_HAN_NEAR = ['for ', 'to '];

/** Marks-scan wakes (case-sensitive fragments): the Chinese forms above. */
export const PERSON_PROSE_MARKS = [
  // --- name20
  String.raw`(?:${HAN_ROLE})[ \t\u3000:：]*[A-ZÀ-Þ]`,
  // --- end name20
  // --- name21: a Chinese role and a Latin name (`境外收货人: Rajesh Kumar Iyer`)
  String.raw`(?:${HAN_ROLE_X})[ \t\u3000]*[:：=][ \t\u3000]*[A-ZÀ-Þ]`,
  String.raw`、(?<=[人员][ \t\u3000]{0,3}[:：]?[ \t\u3000]{0,3}[\u4e00-\u9fa5]{2,3}、)`,
  String.raw`(?:${FLOW_DID})(?<=[\u4e00-\u9fa5][ \t\u3000]{1,3}(?:${FLOW_DID}))`,
  // (the character after the name first: a look-behind at every Han character halved the Chinese row)
  String.raw`[\u4e00-\u9fa5][-_ ](?:${DOC_VERSION})\.(?<=[-_][\u4e00-\u9fa5]{2,3}[-_ ](?:${DOC_VERSION})\.)`,
  // --- end name21
  String.raw`[人员][ \t]*[[【=]|(?:用户|客户|账号|帐号|账户|帐户|患者)[ \t]*[[【]`,
  String.raw`主办人|协办人|会签(?!证)|阅办人|拟稿人|核稿人|签发人|审阅人|批示人|传阅`,
  String.raw`(?:父亲|母亲|爸爸|妈妈|丈夫|妻子|儿子|女儿|配偶|爷爷|奶奶|外公|外婆|祖父|祖母|哥哥|姐姐|弟弟|妹妹|父|母|夫|妻|子|女|兄|弟|姐|妹)[)）]`,
  String.raw`实名`,
  String.raw`的[ \t]*(?:NAS|Nas|nas|路由|平板|台式机|主机|打印机|电视|音箱|相机|手表|Watch|Switch|PC|Kindle|ThinkPad|Surface|Galaxy|Pixel|HomePod|Xbox|PS5)`,
  String.raw`[\u4e00-\u9fa5](?<=[(（][\u4e00-\u9fa5]{2,4})[,，、]`,
  String.raw`[\u4e00-\u9fa5] 和 [\u4e00-\u9fa5]`,
  String.raw`来自`,
  String.raw`[\u4e00-\u9fa5]['’]s `,
  String.raw`姓名[)）]`,
  String.raw`[\u4e00-\u9fa5](?<=[!-~][,\t][\u4e00-\u9fa5]{2,4})(?=[,\t]|\r?$)`,
  String.raw`[\u4e00-\u9fa5] (?:printed|scanned|copied|faxed|logged|signed|uploaded|downloaded|deleted|created|updated|approved|rejected|submitted|requested|joined|left|opened|closed|checked)`,
].join('|');

export const PERSON_PROSE_PATTERNS: readonly RulePattern[] = [
  {
    // A person's key and its value (see the top of this file).
    regex: KEYED,
    targets: [{ group: 'latin' }, { group: 'han' }],
    validate: 'keyedPersonName',
  },
  {
    // English prose: a role noun, a name and the person's phone or e-mail, a name and its own login.
    regex: PROSE,
    targets: [{ group: 'role' }, { group: 'datum' }, { group: 'by' }, { group: 'han' }, { group: 'behalf' }, { group: 'hanRole' }, { group: 'wf' }, { group: 'chatHan' }, { group: 'chatLatin' }],
    validate: 'proseLatinName',
  },
  // --- name21 (session 20): see NAME21 above.
  ...[...NAME21, ...HAN_NAME21].map((regex) => ({
    regex,
    targets: ['ctor', 'contact', 'sender', 'with1', 'with2', 'idName', 'device', 'tail', 'worker', 'titled', 'acct', 'hanRoleX', 'fnLatin', 'fnHan', 'speaker', 'list2', 'list3', 'deskDid', 'docVersioned', 'smsParam']
      .filter((g) => regex.source.includes(`(?<${g}>`))
      .map((group) => ({ group })),
    validate: 'proseLatinName' as const,
  })),
  // --- end name21
  // --- name22: see NAME22 above.
  ...NAME22.map((regex) => ({
    regex,
    targets: ['exifLatin', 'exifHan', 'docLatin', 'docHan'].filter((g) => regex.source.includes(`(?<${g}>`)).map((group) => ({ group })),
    validate: 'proseLatinName' as const,
  })),
  // --- end name22
  {
    // A display name before its e-mail address, in any line (`Nadia Petrova <n.petrova@mail.ru>`, `(…@…)`).
    regex: new RegExp(String.raw`(?<![\w.@-])(?<mailed>${LATIN_NAME})[ \t]*[<(][ \t]*(?=<EMAIL-\d+>|(?<local>[\w.%+-]+)@)`),
    targets: [{ group: 'mailed' }],
    validate: 'proseLatinName',
  },
  {
    // lead (session 19): a name after an honorific (`invoice for Mr. Tobias Lindqvist,`, `Dear Mrs Solberg`, `Dr. Siobhan
    // Murphy`, `Herr Jürgen Weiß`, `Mme Dubois`): one to three capitalised words; the validator refuses common words and
    // products (`Dr. Memory`, `Mr. Robot`).
    regex: new RegExp(String.raw`(?<![\w.])(?:Mrs?\.|Ms\.|Mx\.|Dr\.|Prof\.|Mrs|Herr|Frau|Mme|Mlle)[ \t]+(?<honored>${WORD}(?:[ \t](?:${PARTICLE}[ \t]){0,2}${WORD}){0,2})(?![\w@-]|\.\w)`),
    targets: [{ group: 'honored' }],
    validate: 'honoredName',
  },
  {
    // The display name a client joined or signed in as (electron-log `joined 928 417 506 as "闫若曦"`), and an LDAP
    // DN's person (`DN=CN=Luca Romano,OU=IT,DC=corp`).
    regex: new RegExp(
      String.raw` as ["“](?:(?<asLatin>${LATIN_NAME})|(?<asHan>${HAN}))["”]|(?<![A-Za-z])[Cc][Nn]=(?<cn>${LATIN_NAME}),(?:OU|DC|CN|O|L|C|ou|dc|cn|o|l|c)=`,
    ),
    targets: [{ group: 'asLatin' }, { group: 'asHan' }, { group: 'cn' }],
    validate: 'proseLatinName',
  },
  {
    // A Latin name beside its gender in a table row (a hotel's check-in export `Sarah Whitfield<TAB>女<TAB>护照`,
    // `Oleg Sokolov, 男`), as rules.ts takes a Han one.
    regex: new RegExp(String.raw`(?<![\w.@-])(?<gendered>${LATIN_NAME})(?:\t|[ \t]*[,，|][ \t]*)[男女](?:\t|[ \t]*[,，|][ \t]*)(?=${BIRTH_CELL}(?:${ID_AFTER_GENDER}))`),
    targets: [{ group: 'gendered' }],
    validate: 'proseLatinName',
  },
  {
    // A Han name in English prose: `Payroll bank account changed for 郁志强:`, `sent to 韩雪,`.
    regex: new RegExp(String.raw`(?<![\w-])(?:for|to) (?<han>${HAN})(?=[:：,，;；)）]|[ \t]+(?:<|\d|[a-z(])|[ \t]*\r?$)`),
    targets: [{ group: 'han' }],
    validate: 'proseChineseName',
  },
  {
    // Chinese log prose: a role word (or an account noun: `用户[李晓峰]密码错误`) with the name in brackets, a workflow's roles, a role, a desk and the name.
    regex: new RegExp(
      String.raw`(?:[\u4e00-\u9fa5][人员]|用户|客户|账号|帐号|账户|帐户|患者)[ \t]*[[【](?<bracketed>${HAN})[\]】]` +
        String.raw`|(?<![\u4e00-\u9fa5])[\u4e00-\u9fa5]{1,3}[人员][ \t]*=[ \t]*["']?(?<assigned>${HAN})(?![\u4e00-\u9fa5])` +
        String.raw`|(?:主办人|协办人|会签人?|承办人|阅办人|拟稿人|核稿人|签发人|审阅人|批示人|传阅人?|抄送人)[ \t\u3000]*(?:[:：][ \t\u3000]*)?(?<flow>${HAN})(?![\u4e00-\u9fa5])` +
        String.raw`|[\u4e00-\u9fa5][人员][ \t\u3000]*[:：][ \t\u3000]*(?:前台|收银|财务|人事|行政|客服|出纳|会计|仓管|库管|保安|门卫|司机|店长|领班|大堂|护士|药房|医生)[ \t\u3000]+(?<desk>${HAN})(?![\u4e00-\u9fa5])`,
    ),
    targets: [{ group: 'bracketed' }, { group: 'assigned' }, { group: 'flow' }, { group: 'desk' }],
    validate: 'proseChineseName',
  },
  {
    // A person's own device beyond rules.ts's Apple and phone (`FriendlyName="唐浩宇的 NAS"`, `陶然的路由器`); a name in brackets
    // with its role after a login (Portainer `wei.kangning  administrator  (魏康宁, ops)`); a name before what it did in an
    // English log (`Accounting: 潘晓东 printed 36 pages`).
    regex: new RegExp(
      String.raw`(?<![\u4e00-\u9fa5])(?<owned>[\u4e00-\u9fa5]{2,3})[ \t]?的[ \t]*(?:NAS|Nas|nas|路由器?|平板|台式机|主机|打印机|电视|音箱|相机|手表|Watch|Switch|PC|Kindle|ThinkPad|Surface|Galaxy|Pixel|HomePod|Xbox|PS5)` +
        String.raw`|[(（](?<paren>${HAN})[,，、][ \t]*[A-Za-z\u4e00-\u9fa5][\w\u4e00-\u9fa5 .-]{0,15}[)）]` +
        String.raw`|(?<![\u4e00-\u9fa5])(?<did>${HAN}) (?:printed|scanned|copied|faxed|logged|signed|uploaded|downloaded|deleted|created|updated|approved|rejected|submitted|requested|joined|left|opened|closed|checked)(?![A-Za-z])`,
    ),
    targets: [{ group: 'owned' }, { group: 'paren' }, { group: 'did' }],
    validate: 'proseChineseName',
  },
  {
    // Two names joined by 和 in a remark (`仅 殷书文 和 曹浩宇 可见`), a name a message came from (`明文登录来自 曾巧玲 的 Foxmail`), a
    // Han name with an English possessive (`(刘晓琪's Node-RED box)`), a name a form glosses as one (`授权委托 蔺子豪（姓名）`).
    regex: new RegExp(
      String.raw`(?<![\u4e00-\u9fa5])(?<pair1>[\u4e00-\u9fa5]{2,3}) 和 (?<pair2>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])` +
        String.raw`|来自[ \t]*(?<from>[\u4e00-\u9fa5]{2,3}?)[ \t]*的` +
        String.raw`|(?<![\u4e00-\u9fa5])(?<possessive>${HAN})['’]s ` +
        String.raw`|(?<![\u4e00-\u9fa5])(?<glossed>${HAN})[ \t]*[(（]姓名[)）]`,
    ),
    targets: [{ group: 'pair1' }, { group: 'pair2' }, { group: 'from' }, { group: 'possessive' }, { group: 'glossed' }],
    validate: 'proseChineseName',
  },
  {
    // A pinyin login and its person's Han name beside it in a CSV row (通达OA's login log `liyuqi,李雨琪,2026-10-21 …`, a
    // load test's accounts `lu.chenxi,Lcx#oa1108,陆晨曦`): the login reads as a pinyin name, the name as a Chinese one.
    regex: new RegExp(String.raw`(?<![\w.@-])(?<pinyin>[a-z][a-z0-9._]{2,31})[,\t](?:[^,\t\r\n]{1,40}[,\t])?(?<csvName>${HAN})(?=[,\t]|\r?$)`),
    targets: [{ group: 'csvName' }],
    validate: 'pinyinLoginName',
  },
  {
    // A name with its relation in brackets (`卫东来（父）  杜晓琳（母）`), in brackets after a phone (`17621830094（韩雪）`),
    // after a real-name check (`实名认证提交：欧阳晨 …`).
    regex: new RegExp(
      String.raw`(?<![\u4e00-\u9fa5])(?<related>${HAN})[ \t]?[(（](?:父亲|母亲|爸爸|妈妈|丈夫|妻子|儿子|女儿|配偶|爷爷|奶奶|外公|外婆|祖父|祖母|哥哥|姐姐|弟弟|妹妹|父|母|夫|妻|子|女|兄|弟|姐|妹)[)）]` +
        String.raw`|(?:(?<![\d.])1[3-9]\d{9}|<PHONE-\d+>)[ \t]*[(（](?<phoned>${HAN})[)）]` +
        String.raw`|实名[\u4e00-\u9fa5]{0,6}[:：][ \t\u3000]*(?<real>${HAN})(?![\u4e00-\u9fa5])`,
    ),
    targets: [{ group: 'related' }, { group: 'phoned' }, { group: 'real' }],
    validate: 'proseChineseName',
  },
];

// --- Street addresses in the same log lines (the address rule's; its own patterns read Chinese ones) ----------------
// A European street and number, a comma, a postcode and its city (`Via Guglielmo Marconi 47, 40122 Bologna`,
// `Leopoldstraße 118, 80802 München`, `Av. Corrientes 2145, C1046 CABA`, `12 Rue de Rivoli, 75001 Paris` too).
const STREET_WORD = String.raw`[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’-]{0,24}\.?`;
const LATIN_STREET = String.raw`(?:\d{1,5}[a-z]?,?[ \t]+)?[A-ZÀ-ÖØ-Þ]${STREET_WORD.slice(String.raw`[A-Za-zÀ-ÖØ-öø-ÿ]`.length)}(?:[ \t]${STREET_WORD}){0,4}(?:[ \t]\d{1,5}[a-z]?(?:[-/]\d{1,4})?)?,[ \t]*(?:[A-Z]{1,2}-?)?[A-Z]?\d{4,5}(?:[ \t]?[A-Z]{2,3})?[ \t]+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]{1,30}(?:[ \t][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]{1,30}){0,2}`;
// A Japanese address: its prefecture, a ward, city or town, a chōme and its block numbers, the building and its room.
const JAPANESE_ADDRESS = String.raw`(?:東京都|北海道|(?:京都|大阪)府|[\u4e00-\u9fa5]{2,3}県)[\u4e00-\u9fa5\u3040-\u30ff]{1,12}?[区市町村][\u4e00-\u9fa5\u3040-\u30ff]{0,12}?\d{1,2}丁目\d{1,4}(?:[-−－]\d{1,4}){0,2}(?:[ \t\u3000]?[\u30a0-\u30ff\u4e00-\u9fa5A-Za-z]{1,20}[ \t]?\d{1,4}(?:号室)?)?`;
// Where a log puts an address: an address key (`"street"=>`, `"ship_to":`, `address=`), or prose about one
// (`updated shipping address to …`, `address updated for customer X: …`).
const ADDRESS_CUE = String.raw`(?:[Aa]ddress|ADDRESS|[Ss]treet|STREET)`;

// --- name21 (session 20): a foreign street address after the verb that sends or takes someone to it (`ship to Via Sparano
// da Bari 112, 70121 Bari BA`, `scheduled visit with X at 27 Kent Terrace, Mount Victoria, Wellington 6011`, `delivered to
// Storgatan 18, 411 38 Göteborg`): a street with its number, up to three localities, and the postcode before or after the
// city, in the shapes of a dozen countries (`411 38`, Eircode `P24 X2Y7`, UK `SW1A 1AA`, Canada `K1A 0B1`, NL `1012 AB`, US ZIP+4).
const ADDR_WORD = String.raw`[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]{1,30}`;
const ADDR_STREET_WORDS = String.raw`${ADDR_WORD}(?:[ \t]+(?:${ADDR_WORD}|da|de|di|del|della|dei|van|von|der|la|le|du|des)){0,5}`;
const ADDR_STREET = String.raw`(?:\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?,?[ \t]+${ADDR_STREET_WORDS}|${ADDR_STREET_WORDS}[ \t]+\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?)`;
const ADDR_LOCALITY = String.raw`(?:Co\.[ \t]+)?${ADDR_WORD}(?:[ \t]+${ADDR_WORD}){0,2}`;
const ADDR_POSTCODE = String.raw`\d{3}[ \t]\d{2}|\d{5}-\d{4}|\d{4,6}|[A-Z]\d{2}[ \t]?[A-Z0-9]{4}|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]\d[A-Z]\d|\d{4}[ \t]?[A-Z]{2}`;
const ADDR_TAIL = String.raw`(?:,[ \t]*${ADDR_LOCALITY}){0,3},[ \t]*(?:(?:[A-Z]{1,2}-)?(?:${ADDR_POSTCODE})[ \t]+${ADDR_LOCALITY}(?:[ \t]+[A-Z]{2})?|${ADDR_LOCALITY}[ \t]+(?:[A-Z]{2,3}[ \t]+)?(?:${ADDR_POSTCODE}))(?![\w-])`;
const ADDR_SENT_TO = String.raw`(?:[Ss]hip(?:ped|ping)?|[Dd]eliver(?:ed|y|ing)?|[Ss]ent|[Mm]ailed|[Mm]oved)[ \t]+to|[Vv]isit[^\r\n]{0,60}?[ \t]at|[Ll]ocated[ \t]+at|[Ll]ives[ \t]+at`;
// --- end name21

export const ADDRESS_PROSE_PATTERNS: readonly RulePattern[] = [
  // --- name21: see ADDR_SENT_TO above.
  {
    regex: new RegExp(String.raw`(?<![\w-])(?:${ADDR_SENT_TO})[ \t]+(?<street21>${ADDR_STREET}${ADDR_TAIL})`),
    targets: [{ group: 'street21' }],
    validate: 'sentToAddress',
  },
  // --- end name21
  {
    regex: new RegExp(String.raw`${ADDRESS_CUE}(?:["']?[ \t]*(?:=>|[:=])[ \t]*["']?|[^\r\n]{0,80}?(?:[ \t]to[ \t]+|:[ \t]+))(?<street>${LATIN_STREET})(?![\w-])`),
    targets: [{ group: 'street' }],
  },
  {
    regex: new RegExp(String.raw`(?<![\u4e00-\u9fa5])(?<jp>${JAPANESE_ADDRESS})(?!\d)`),
    targets: [{ group: 'jp' }],
  },
];

/** Per-line trigger fragments (case-insensitive) of the address patterns above. */
// name21: an address after the verb that sends or takes someone to it (ADDR_SENT_TO): a comma and a digit after the verb
// (each run a class that cannot hold what ends it: lazy runs backtracked quadratically on a line of repeated `sent to`).
const ADDRESS_SENT_TO_TRIGGER = String.raw`(?:(?:(?:ship(?:ped|ping)?|deliver(?:ed|y|ing)?|sent|mailed|moved)[ \t]+to|visit[^\r\n]{0,60}?[ \t]at|located[ \t]+at|lives[ \t]+at)[ \t]+[^,\r\n]{0,200},[^\d\r\n]{0,120}\d)`;
export const ADDRESS_PROSE_TRIGGER = String.raw`${ADDRESS_SENT_TO_TRIGGER}|(?:address|street)[^\r\n]{0,240}?[a-zà-ÿ.][ \t]\d{1,5}[a-z]?(?:[-/]\d{1,4})?,[ \t]*(?:[a-z]{1,2}-?)?[a-z]?\d{4,5}|(?:address|street)[^\r\n]{0,80}?\d{1,5}[a-z]?,?[ \t]+[a-zà-ÿ][^\r\n]{0,160}?,[ \t]*(?:[a-z]{1,2}-?)?[a-z]?\d{4,5}|\d丁目\d`;
/** Words-scan wakes of the Latin form (its key or prose word), and the marks of the Japanese one. */
// name21: and the verbs that send or take someone to an address (ADDR_SENT_TO).
export const ADDRESS_PROSE_WORDS = ['address', 'street', 'ship', 'deliver', 'sent', 'mailed', 'moved', 'visit', 'located', 'lives'];
export const ADDRESS_PROSE_MARKS = String.raw`丁目\d`;
