/**
 * Structure-aware output: an item is recognised as JSON, XML/plist, HTML, CSS, YAML, INI/.env/
 * .properties, a Windows .reg export or a plain log — by its name first, by its first bytes
 * otherwise — and each placeholder the rules put into it is written so the file stays valid:
 * a JSON string where it stood for a bare JSON value, XML-escaped in XML and HTML, quoted when it
 * is a whole YAML scalar. Keys, markup and layout are never touched.
 *
 * Files up to STRUCTURE_CHECK_LIMIT are checked after redaction: they must still parse (JSON) or
 * be well-formed (XML, plist). One that did not parse to begin with is redacted as plain text and
 * the report says so; a larger one is redacted line by line with the same placeholder encoding,
 * unchecked (a whole-file parse would make memory grow with the input).
 */
import { CSV_ADDRESS_COLUMN_25 } from './street-address-keyed.js'; // addr25
import { PLACEHOLDER_PATTERN } from './placeholders.js';
import { nationalIdColumnFormats } from './national-ids.js'; // num25 (session 23)
import { directoryLayout, LDIF_COMMANDS, type DirectoryLayout } from './directory-layout.js'; // dir26 (session 24)

export type TextFormat = 'json' | 'xml' | 'html' | 'css' | 'yaml' | 'ini' | 'reg' | 'log';

/** Most text (input and output together, in UTF-16 code units) held to check an item's structure after redaction: a few MB, so memory stays bounded whatever the item. */
export const STRUCTURE_CHECK_LIMIT = 4 * 1024 * 1024;

/** What happened to an item's structure. */
export interface StructureOutcome {
  format: TextFormat;
  /**
   * valid: parsed before and after redaction; fallback: not valid to begin with, redacted as
   * plain text; unchecked: too large to check (or a format without a checker); broken: valid
   * before, not after (a bug: reported, never hidden).
   */
  check: 'valid' | 'fallback' | 'unchecked' | 'broken';
  /** One sentence for the report and the manifest note, when there is something to say. */
  note?: string;
}

const BY_EXTENSION: Record<string, TextFormat> = {
  json: 'json', jsonl: 'json', ndjson: 'json', geojson: 'json', har: 'json', ipynb: 'json',
  xml: 'xml', plist: 'xml', config: 'xml', csproj: 'xml', vbproj: 'xml', xaml: 'xml', props: 'xml', targets: 'xml', manifest: 'xml', svg: 'xml', mobileconfig: 'xml', resx: 'xml', nuspec: 'xml', wsf: 'xml',
  html: 'html', htm: 'html', xhtml: 'html',
  css: 'css',
  yaml: 'yaml', yml: 'yaml',
  ini: 'ini', env: 'ini', properties: 'ini', cfg: 'ini', conf: 'ini', toml: 'ini', inf: 'ini',
  reg: 'reg',
};

/** The format of an item, from its name (`.env`, `app.config`) and the start of its text. */
export function detectFormat(name: string | undefined, head: string): TextFormat {
  const base = (name ?? '').split(/[\\/]/).pop()!.toLowerCase();
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'ini';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  const byName = BY_EXTENSION[ext];
  if (byName) return byName;
  const start = head.replace(/^\uFEFF/, '').trimStart().slice(0, 256);
  if (/^Windows Registry Editor Version|^REGEDIT4/.test(start)) return 'reg';
  if (/^<!doctype html|^<html[\s>]/i.test(start)) return 'html';
  if (/^<\?xml|^<plist[\s>]|^<!DOCTYPE plist/i.test(start)) return 'xml';
  if (/^[{[]\s*(?:["{[\]}\d-]|true|false|null|$)/.test(start)) return 'json';
  return 'log';
}

/**
 * Files whose layout, not a key word, says where a credential is: `.pgpass` (host:port:db:user:
 * password), Subversion's cached logins (`svn.simple/<hash>`: `K 8` ⏎ `password` ⏎ `V 13` ⏎ value),
 * OpenVPN's `auth-user-pass` file (user, then password), rsync's secrets files (`rsyncd.secrets`:
 * `login:password` lines; a client's `rsync.pass`: the password alone), Exim's `passwd.client`
 * (`host:login:password`), and CSV tables whose header names a
 * secret, a login or a person (`password`, `username`, `姓名` …). Their lines carry no word the
 * line scans look for, so such an item gets the layout's rules on every line (rules.ts
 * `rulesFor`); logs and other items never pay for them.
 */
// Session 17 (secret18): davfs2's `secrets` (`<url or mount point> <user> <password>`), and a file that holds one password alone
// (Ambari's `password.dat`, `db.password`, `master.password`: its bare lines are the password).
// dir26 (session 24): LDIF, vCard and iCalendar (directory-layout.ts).
export type ItemLayout = 'pgpass' | 'svn-auth' | 'openvpn-auth' | 'rsync-secrets' | 'exim-passwd' | 'davfs2-secrets' | 'password-file' | 'csv' | DirectoryLayout;

/** Headers of CSV columns the layout rules read (the cells below them are redacted). */
// A qualifier may name whose password it is (a printer's address book: `Login Password`, `SMB Password`, `登录密码`).
// Chromium's `Login Data`, `Web Data` and `Cookies` tables as a database shell prints them (`sqlite3
// -csv`, DB Browser's export): `password_value`, `card_number_encrypted`, `encrypted_value`, also
// wrapped in the query's `hex(…)`; their `username_value` column is the login.
// table21 (session 20): an SNMP device list's credentials (Cacti's `snmp_community`, `snmp_password`, `snmp_auth_password`, `snmp_username`).
// Session 16 (secret17): a password column named for when it is used (`初始密码`, `默认密码`, `临时密码`, `initial password`,
// `Temp Password`, `Wi-Fi 密码`), a share's or a card's code (`提取码`, `卡密`, `激活码`).
export const CSV_SECRET_COLUMN = /^(?:hex\()?(?:snmp[ _-]?(?:v3[ _-]?)?community|(?:(?:login|logon|user|account|smb|ftp|sftp|folder|mail|email|initial|default|temp|temporary|new|one[ _-]?time|wi-?fi|snmp[ _-]?(?:v3[ _-]?)?(?:auth[ _-]?|priv[ _-]?)?|登录|账户|帐户|账号|帐号|邮箱|初始|初始登录|默认|临时|新|Wi-?Fi[ _-]?)[ _-]?)?(?:password|passwd|pwd|密码|口令)(?:[ _-]?value)?|提取码|访问码|卡密|激活码|兑换码|(?:secret|token|api[ _-]?key|access[ _-]?key|secret[ _-]?key|pin)|encrypted[ _-]?(?:value|password)|(?:card[ _-]?number|password|iban|cvc)[ _-]?encrypted)\)?$/i;
// A contact's messenger id (CRM and address-book exports: `微信号`, `WeChat ID`, `Skype`) is a login too.
// Session 22 (intlkey23): WordPress's `user_login` (`wp user list`), and the login's column in
// other languages (WinCC's `Benutzer`, `Benutzername`, `Anmeldename`, `usuario`, `utilisateur`, `identifiant`, `gebruikersnaam`,
// `użytkownik`, `kullanıcı adı`, `användarnamn`, `пользователь`, `логин`, `ユーザー名`, `ログインID`, `사용자ID`, `아이디` …).
const CSV_USER_COLUMN_INTL = String.raw`user[ _-]?login|usuario|nombre[ _-]de[ _-]usuario|benutzer(?:[ _-]?name)?|anmeldename|benutzerkennung|utilisateur|identifiant|nom[ _-]d'utilisateur|utente|nome[ _-]utente|gebruiker(?:snaam)?|u[żz]ytkownik|login[ _-]u[żz]ytkownika|u[žz]ivatel(?:sk[ée][ _-]jm[ée]no)?|kullan[ıi]c[ıi](?:[ _-]ad[ıi])?|anv[äa]ndar(?:e|namn)|k[äa]ytt[äa]j[äa](?:tunnus)?|brugernavn|brukernavn|felhaszn[áa]l[óo](?:n[ée]v)?|utilizator|nome[ _-]de[ _-]usu[áa]rio|usu[áa]rio|пользователь|имя[ _-]пользователя|логин|учётная[ _-]запись|учетная[ _-]запись|ユーザー名|ユーザーID|ログインID|ログイン名|사용자ID|사용자명|사용자|아이디|계정|اسم[ _-]المستخدم|tên[ _-]đăng[ _-]nhập|tài[ _-]khoản`;
// Session 23 (acct25): an issue tracker's people columns (Jira Server/Data Center exports `Assignee`, `Reporter`, `Creator`; Redmine
// `Author`): a login there (`k.osei`); a display name with blanks is the name rules' (the value pattern takes no blank).
const CSV_USER_COLUMN_TRACKER = String.raw`assignee|reporter|creator|author|approvers?|requester|requestor|watchers?`;
export const CSV_USER_COLUMN = new RegExp(String.raw`^(?:${CSV_USER_COLUMN_INTL}|${CSV_USER_COLUMN_TRACKER})$|` + /^(?:(?:login|logon|smb|ftp|sftp|folder|snmp[ _-]?(?:v3[ _-]?)?)[ _-]?)?(?:user(?:[ _-]?(?:name|id))?|login(?:[ _-]?name)?)(?:[ _-]?value)?$|^(?:account|用户名|用户|操作用户|登录用户|账号|帐号|登录名|登录账号|(?:应用|业务|系统|平台|门户|网站)(?:账号|帐号|用户名)|(?:添加|创建|负责|所属|归属|操作|申请|审批|发起|经办|导出)人?(?:账号|帐号)|(?:买家|卖家)?会员名|(?:买家|卖家)(?:账号|帐号|昵称|ID)|旺旺(?:号|名|ID)?|淘宝(?:账号|帐号|昵称)|微信号|微信账号|微信ID|wechat(?:[ _-]?id)?|weixin(?:[ _-]?id)?|skype(?:[ _-]?(?:id|name))?)$/.source, 'i');
// A person's column by its role (监护人, 参会人, 主持人 …) only as the whole header (`监护人关系`, `监护人手机`
// hold no name); Tencent Meeting's `用户名称（原名称）` holds each attendee's display name.
// Session 17 (name18): a column named for the role a person plays in the row, whatever the word (`出行人`, `车主姓名`,
// `收费员`, `直属上级`, `主治医师`, `traveler`, `line manager`): a role noun (…人, …员, a superior, a professional) alone
// or before 姓名/名称, any qualifier before it. Not the roles a company or a machine holds (法人, 法定代表人, 机器人),
// nor the row's own subject (本人, 个人). The cell must still read as a person's name (isChineseName, or a Latin
// full name of no account or product word).
export const CSV_ROLE_COLUMN = /^(?![^,]*(?:法定代表人|法人|机器人|本人|个人|他人|人数|人次|员数)(?:姓名|名称)?$)[\u4e00-\u9fa5]{0,6}(?:人|员|上级|领导|主管|导师|老师|教师|医生|医师|药师|护士|律师|司机|师傅|顾问|专员|经理|客服)(?:姓名|名称)?$|^[\u4e00-\u9fa5]{1,6}姓名$|^(?:travell?er|driver|cashier|clerk|technician|supervisor|line[ _-]?manager|reports?[ _-]?to|approver|approved[ _-]?by|requester|requestor|requested[ _-]?by|reviewer|reviewed[ _-]?by|handled[ _-]?by|handler|salesperson|sales[ _-]?rep|doctor|physician|pharmacist|nurse|teacher|tutor|beneficiary|payee|tenant|landlord|witness|signatory|signed[ _-]?by)(?:[ _-]?name)?$/i;

/** A table's column name as the layout reads it: without quotes, blanks, or a survey's question number (问卷星 `1、姓名`, `Q3. Name`). */
export function csvColumnKey(cell: string): string {
  // table21 (session 20): …nor an upload template's note after the name (Google Workspace `Password [Required]`, `密码（必填）`).
  return cell
    .trim()
    .replace(/^"|"$/g, '')
    .trim()
    .replace(/^(?:[Qq]?\d{1,3}[、.．:：)）]|[(（]\d{1,3}[)）])[ \t]*/, '')
    .replace(/(?<![ \t])[ \t]*(?:\[[^\]\r\n]{1,40}\]|[(（](?:required|optional|mandatory|必填|选填|可选|必选)[)）])$/i, '')
    // name25 (session 23): Jira's `Custom field (Employee)`, and the billing/shipping qualifier a shop's export writes after a
    // column (WooCommerce `Nome (fatturazione)`, `Cognome (spedizione)`, `Vorname (Rechnung)`, `Nom (facturation)`).
    .replace(/^custom field[ \t]*\((.{1,40})\)$/i, '$1')
    .replace(/(?<=\S)[ \t]*[(（](?:billing|shipping|delivery|fatturazione|spedizione|facturaci[oó]n|env[ií]o|faturamento|cobran[cç]a|entrega|livraison|facturation|rechnung|lieferung|versand|facturatie|verzending|levering|faktura|dostawa|wysy[lł]ka|fatura|teslimat|penagihan|pengiriman)[)）]$/i, '');
}

// table21 (session 20): a database column for a person's name (`emp_name`, `real_name`, `employee_name`, `customer_name`: a psql or mysql result).
export const CSV_NAME_COLUMN = /姓名|名字|联系人|负责人|申请人|经办人|开户名|户名|收件人|收货人|寄件人|发件人|报销人|持卡人|所有人|^(?:添加人|交易对方|对方户名|监护人|家长|参会人|参会者|与会人|与会者|出席人|参加人|主持人|发起人|审批人|创建人|入住人|乘车人|乘机人|就诊人|患者|病人|学生|会员|医生|主治医生|教师|班主任|被访人|受访人|被访者|来访人|访客|面试官|推荐人|内推人|登记人|收款人|付款人|持证人|使用人|领用人|保管人|借用人|归还人|处理人|跟进人|对接人|指派人|中奖人|获奖人|值班人|维护人)(?:姓名|名称)?$|^(?:checked[ _-]?out[ _-]?to|assigned[ _-]?to|interviewers?|visitor(?:[ _-]?name)?|host[ _-]?(?:employee|person))$|^用户名称(?:[(（][^)）]{0,8}[)）])?$|^(?:contact|owner|attendee|participant|organi[sz]er|assignee|guest|passenger|patient|traveller|traveler)(?:[ _-]?name)?$|^(?:full[ _-]?)?name$|^display[ _-]?name$|^(?:emp|employee|staff|real|customer|member|student|patient)[ _-]?name$|^cn$|^common[ _-]?name$|^name[ _-]?full$|^(?:name[ _-]?on[ _-]?card|card[ _-]?holder(?:[ _-]?name)?|holder[ _-]?name)$/i;
/**
 * Columns that only ever hold a person's full name, whatever the script: Latin names there too
 * (Chrome's autofill export `NAME_FULL`, a card's `name_on_card`: `Mengqi Xie`, `XIE MENGQI`).
 */
export const CSV_PERSON_COLUMN = /^(?:(?:员工|客户|真实|患者|学生|监护人|家长|访客|来访人|被访人)?姓名|被访人|受访人|面试官|推荐人|checked[ _-]?out[ _-]?to|assigned[ _-]?to|interviewers?|visitor(?:[ _-]?name)?|(?:紧急)?联系人(?:姓名)?|持卡人|开户名|户名|监护人|家长|参会人|参会者|与会人|与会者|出席人|入住人|乘机人|借用人|处理人|创建人|对接人|中奖人|获奖人|英文名|英文姓名|english[ _-]?name|用户名称(?:[(（][^)）]{0,8}[)）])?|(?:contact|attendee|participant|organi[sz]er|guest|passenger|patient|travell?er)[ _-]?name|full[ _-]?name|name[ _-]?full|name[ _-]?on[ _-]?card|card[ _-]?holder(?:[ _-]?name)?|holder[ _-]?name|spouse|(?:assistant|manager)['’]?s[ _-]?name)$/i;
// name25 (session 23): a column of a person's whole name named for whose it is, in a shop's, a CRM's or an HR export (Shopify
// `Billing Name`/`Shipping Name`, `Recipient Name`, `Account Holder Name`, Jira's `Custom field (Employee)`), and the full-name
// columns of other languages (`Nome completo`, `Nombre y apellidos`, `Nama Lengkap`, `Ad Soyad`, `Imię i nazwisko`).
export const CSV_PERSON_COLUMN_25 = /^(?:billing|shipping|delivery|invoice|bill[ _-]?to|ship[ _-]?to|sold[ _-]?to|recipient|sender|buyer|customer|client|account[ _-]?holder|beneficiary|payee|payer|employee|member|student|tenant|insured|applicant|nominee|guardian|parent|emergency[ _-]?contact|signer|signatory|requester|requestor|reporter|assignee)[ _-]?(?:full[ _-]?)?name$|^(?:employee|new[ _-]?starter|starter|new[ _-]?hire|joiner|leaver|requester|requestor)$|^(?:nome[ _-]completo|nombre[ _-]completo|nombre[ _-]y[ _-]apellidos?|nom[ _-]complet|nom[ _-]et[ _-]pr[ée]nom|volledige[ _-]naam|nama[ _-]lengkap|ad[ _-]soyad|ad[ı]?[ _-]soyad[ı]?|imi[ęe][ _-]i[ _-]nazwisko|cel[ée][ _-]jm[ée]no|vollst[äa]ndiger[ _-]name|fullst[äa]ndigt[ _-]namn|nome[ _-]e[ _-]cognome|nominativo)$/i;
// --- dir26 (session 24): the people columns of CRM and helpdesk exports: Zendesk `Assignee`/`Submitter`, HubSpot `Contact owner`/
// `Associated Contact`, Salesforce `Owner Name`/`Account Owner`/`Contact Name`/`Created By`, Freshdesk `Agent`, ServiceNow `Caller`/
// `Opened by`, Pipedrive `Person`; a Latin full name there (a team, `Unassigned`, a company stay: isCsvPersonName25).
export const CSV_PERSON_COLUMN_26 = /^(?:(?:contact|account|company|deal|lead|case|ticket|opportunity|record|task|activity|project)[ _-]?owner(?:[ _-]?name)?|owner[ _-]?name|(?:contact|agent|assignee|submitter|associated[ _-]?contact|primary[ _-]?contact|customer[ _-]?contact|caller|person|responsible|collaborator|follower|cc)[ _-]?(?:full[ _-]?)?name|agent|submitter|assignee|associated[ _-]?contact|primary[ _-]?contact|caller|created[ _-]?by|last[ _-]?modified[ _-]?by|modified[ _-]?by|opened[ _-]?by|closed[ _-]?by|resolved[ _-]?by|updated[ _-]?by|account[ _-]?manager|sales[ _-]?rep(?:resentative)?|handled[ _-]?by)$/i;
// --- end dir26
/** A bare name column (`Name`, `Nome`, `Naam`, `Nama`): a person's only in a table of people (see CSV_PERSON_DATUM_COLUMN). */
export const CSV_BARE_NAME_COLUMN = /^(?:name|nome|nombre|nom|naam|nama|navn|namn|isim|jm[ée]no|nimi)$/i;
/** A column only a table of people has: their e-mail, phone, address, birth date or tax number. */
export const CSV_PERSON_DATUM_COLUMN = /^(?:(?:attendee|participant|customer|contact|user|member|personal|private|work|home)[ _-]?)?(?:e-?mail(?:[ _-]?address)?|phone(?:[ _-]?number)?|mobile(?:[ _-]?phone)?|cell(?:[ _-]?phone)?|tel(?:efon[eo]?|éfono|éphone|efoon)?|celular|handy|address|adres|adresse|indirizzo|endere[cç]o|direcci[oó]n|date[ _-]?of[ _-]?birth|birth[ _-]?date|dob|geburtsdatum|data[ _-]di[ _-]nascita|data[ _-]de[ _-]nascimento|fecha[ _-]de[ _-]nacimiento|cpf|ssn|pesel|tckn)$/i;
/**
 * Columns of a street address (Chrome's `ADDRESS_HOME_STREET_ADDRESS`, `address_line1`, 详细地址):
 * not a bare `address`, which a network table uses for an IP address or a host.
 */
// table21 (session 20): an address named for whose or what it is (`Home Address`, `mailing_address`): not a network's.
// name22 (session 21): and a street line named for whose it is (Outlook's `Home Street`, `Business Street 2`, `Other Street`).
// addr23 (session 22): Google Contacts' `Address 1 - Formatted`/`- Street`, and the address columns of other languages
// (`Anschrift`, `Straße und Hausnummer`, `Dirección`, `Indirizzo`, `Endereço`, `Adresse`, `Адрес`, `住所`, `주소`, `Địa chỉ`).
const CSV_ADDRESS_COLUMN_22 = /^(?:home|business|work|other|mailing|postal|shipping|billing)[ _-]?street(?:[ _-]?\d)?$|^[a-z _-]*street[ _-]?address(?:[ _-]?\d)?$|^(?:home|work|mailing|postal|shipping|billing|residential|delivery)[ _-]?address(?:[ _-]?\d)?$|^(?:address[ _-]?line|street)[ _-]?\d?$|^(?:详细|街道|收货|收件|家庭|通讯|联系|居住|户籍)(?:地址|住址)$|^住址$|^address[ _-]?\d{1,2}[ \t]*-[ \t]*(?:formatted|street|extended[ _-]address)$|^(?:anschrift|wohnanschrift|stra(?:ß|ss)e(?:[ _-]?(?:und|u\.?|&)[ _-]?(?:hausnummer|hausnr\.?|nr\.?))?|domicilio|direcci[oó]n(?:[ _-]postal)?|indirizzo|endere[cç]o|morada|adres|adresse(?:[ _-]postale)?|straat(?:[ _-]?en[ _-]?huisnummer)?|ulica|адрес|住所|주소|địa[ _-]chỉ)$/i;

// addr25 (session 23): and the street-only columns of shop and vault exports (`Billing Address1`, `Indirizzo 1 (fatturazione)`).
export const CSV_ADDRESS_COLUMN = new RegExp(`${CSV_ADDRESS_COLUMN_22.source}|${CSV_ADDRESS_COLUMN_25.source}`, 'i');

/** How far into an item its table header is looked for (comment lines above it included). */
export const HEADER_REACH = 1024;

/**
 * Where a table's header starts: after any `#` comment lines above it (a printer's address-book
 * export starts `# Canon iR-ADV … 地址簿导出`, the CSV header comes next). `text` is the item's
 * start; -1 while a comment line is not complete yet, within HEADER_REACH.
 */
export function tableHeaderStart(text: string): number {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (text.charCodeAt(start) === 0x23 /* # */) {
    const nl = text.indexOf('\n', start);
    if (nl < 0 || nl + 1 >= HEADER_REACH) return nl < 0 && text.length < HEADER_REACH ? -1 : start;
    start = nl + 1;
  }
  // A report's title row above the header (DingTalk's `月度汇总,统计日期：…`, a copier's `"Job Log",
  // "bizhub C360i",…`): a first row of cells naming no column the layout reads, followed by one that does.
  const nl = text.indexOf('\n', start);
  if (nl < 0 || nl + 1 >= HEADER_REACH) return start;
  const afterSummary = summaryHeaderStart(text, start);
  if (afterSummary !== undefined) return afterSummary;
  const afterDivider = dividerHeaderStart(text, start);
  if (afterDivider !== undefined) return afterDivider;
  const title = text.slice(start, nl);
  if (!title.includes(',') || namesReadColumn(title) || LOG_TIMESTAMP_COMMA.test(title)) return start;
  const next = text.indexOf('\n', nl + 1);
  if (next < 0) return text.length < HEADER_REACH ? -1 : start;
  const second = text.slice(nl + 1, next);
  // A header names its columns: a row with a cell of digits alone is data (Chrome's autofill export:
  // `guid,use_count,use_date,…,country` over `3f6b…,14,13387463215,…,CN`, whose `CN` only reads
  // like a `cn` column), and the first row was the header.
  return namesReadColumn(second) && !hasNumberCell(second) ? nl + 1 : start;
}

/**
 * A bill export's list divider (WeChat Pay `----------------------微信支付账单明细列表--------------------,,,`,
 * Alipay `------------------------支付宝交易明细列表------------------------`): dashes around a title, empty cells after.
 */
const LIST_DIVIDER = /^-{5,}[^,\r\n]{0,40}-{5,},*\r?$/;
const DIVIDER_MAX_LINES = 20;

/**
 * A bill or statement export (session 14, rest15b): lines of one cell each (the account, the period, a count),
 * a dashed divider, then the table's header: where the header starts, -1 while the lines are not complete yet
 * (within HEADER_REACH), undefined for any other start (a line of two cells or more before a divider).
 */
function dividerHeaderStart(text: string, start: number): number | undefined {
  let pos = start;
  for (let i = 0; i < DIVIDER_MAX_LINES && pos < HEADER_REACH; i += 1) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return text.length < HEADER_REACH ? -1 : undefined;
    const line = text.slice(pos, nl);
    if (LIST_DIVIDER.test(line)) {
      const next = text.indexOf('\n', nl + 1);
      if (next < 0) return text.length < HEADER_REACH ? -1 : undefined;
      if (namesReadColumn(text.slice(nl + 1, next))) return nl + 1;
    } else if (line.split(',').filter((c) => c.trim() !== '').length > 1) return undefined;
    pos = nl + 1;
  }
  return undefined;
}

/** A `key,value` line of a summary block (`会议主题,季度经营分析会`, `Report date,2026-03-19`). */
const SUMMARY_LINE = /^[^,\r\n]{1,40},[^,\r\n]{0,120}\r?$/;
const SUMMARY_MAX_LINES = 12;

/**
 * A meeting or report export that starts with a summary of `key,value` lines, then a blank line, then
 * the table (Tencent Meeting's attendee CSV: `会议主题,…` ⏎ `会议号,…` ⏎ ⏎ `用户名称（原名称）,入会时间,…`):
 * where the table's header starts, when it names a column the layout reads and holds no number
 * cell; -1 while that is not decided yet within HEADER_REACH; undefined for any other start.
 */
function summaryHeaderStart(text: string, start: number): number | undefined {
  let at = start;
  for (let lines = 0; ; lines += 1) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length < HEADER_REACH ? -1 : undefined;
    const line = text.slice(at, nl);
    if (/^[ \t]*\r?$/.test(line)) {
      if (lines === 0) return undefined;
      const end = text.indexOf('\n', nl + 1);
      if (end < 0) return text.length < HEADER_REACH ? -1 : undefined;
      if (end + 1 >= HEADER_REACH) return undefined;
      const header = text.slice(nl + 1, end);
      return namesReadColumn(header) && !hasNumberCell(header) && header.split(',').length >= 3 ? nl + 1 : undefined;
    }
    if (lines >= SUMMARY_MAX_LINES || nl + 1 >= HEADER_REACH || !SUMMARY_LINE.test(line) || namesReadColumn(line)) return undefined;
    at = nl + 1;
  }
}

/**
 * Python logging's default time (`2026-12-06 03:46:13,209 INFO: …`, sos report's sos.log, Ansible,
 * many daemons): its comma is the milliseconds', so the line (and the next, whose `--only-plugins
 * apt,…,login,…` would read as a header naming a login column) is a log, not a table.
 */
const LOG_TIMESTAMP_COMMA = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2},\d{3}\b/;

/** Whether a CSV row has a cell (quoted or not) of digits alone: a data row, never a header. */
function hasNumberCell(row: string): boolean {
  return /(?:^|,)[ \t]*"?\d+"?[ \t]*(?=,|\r?$)/.test(row);
}

// --- name22 (session 21): a column that holds one part of a person's name (Outlook's and Google Workspace's `First Name`,
// `Last Name`, LDAP `givenName`/`sn`, `Vorname`/`Nachname`, `prénom`, `cognome`, `förnamn`, `sukunimi`, `nazwisko`, 名/姓):
// its cell is one word (`Mikael`, `Nurlanovna`, `佳琪`, `万`), which no full-name column's pattern takes.
export const CSV_NAME_PART_COLUMN = /^(?:first|given|last|family|middle|maiden|sur)[ _-]?names?$|^(?:surname|forename|sn|vorname|nachname|familienname|pr[ée]nom|nom[ _-]de[ _-]famille|cognome|apellidos?|sobrenome|f[öo]rnamn|efternamn|fornavn|etternavn|efternavn|etunimi|sukunimi|imi[ęe]|nazwisko|jm[ée]no|p[řr][íi]jmen[íi]|voornaam|achternaam|名|姓|姓氏|名字)$/i;
// --- end name22

/** Whether a CSV row has a cell naming a secret, login or person column (CSV_*_COLUMN). */
function namesReadColumn(row: string): boolean {
  if (!row.includes(',')) return false;
  return row
    .replace(/\r$/, '')
    .split(',')
    .map(csvColumnKey)
    .some((c) => CSV_SECRET_COLUMN.test(c) || CSV_USER_COLUMN.test(c) || CSV_NAME_COLUMN.test(c) || CSV_ROLE_COLUMN.test(c) || CSV_ADDRESS_COLUMN.test(c) || CSV_NAME_PART_COLUMN.test(c) || CSV_PERSON_COLUMN_25.test(c) || CSV_PERSON_COLUMN_26.test(c) /* dir26 */ || namesNationalIdColumn(c));
}
/** num25 (session 23): a column of national, tax or identity numbers (`Codice fiscale`, `CPF`, `tax_id`: national-ids.ts). */
const namesNationalIdColumn = (column: string) => nationalIdColumnFormats(column).length > 0;

// A file named for the one password it holds: `password.dat`, `password.txt`, `db.password`, `.password` (not `/etc/passwd`,
// `.htpasswd`, `password-policy.txt`; not a document about a password, `reset-default-password.txt`: only a dot before the word).
const PASSWORD_FILE = /^(?:[\w-]{0,32}\.|\.)?password(?:\.(?:dat|txt))?$/;
// rsyncd's `secrets file` and the client's `--password-file`, by their usual names.
const RSYNC_SECRETS_FILE = /^rsyncd?[._-](?:secrets?|passwd|pass(?:word)?)$/;

/**
 * The layout of an item, from its name (`.pgpass`, `pgpass.conf`, `auth.txt`), its first line
 * (an svn hash file starts `K <n>`) and its table header (a CSV header: the first line, or the
 * first after `#` comment lines, see tableHeaderStart); undefined for everything else.
 */
export function detectLayout(name: string | undefined, firstLine: string, tableHeader = firstLine): ItemLayout | undefined {
  const path = (name ?? '').toLowerCase();
  const base = path.split(/[\\/]/).pop()!;
  // HighGo (瀚高) keeps the same file as `.hgpass`.
  if (base === '.pgpass' || base === 'pgpass' || base === 'pgpass.conf' || base === '.hgpass') return 'pgpass';
  if (base === 'secrets' && /(?:^|[\\/])\.?davfs2[\\/]secrets$/.test(path)) return 'davfs2-secrets';
  if (PASSWORD_FILE.test(base)) return 'password-file';
  const head = firstLine.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (/^K \d{1,4}$/.test(head) && (/svn/.test(path) || /^[0-9a-f]{32}$/.test(base) || base.startsWith('svn.'))) return 'svn-auth';
  if (/^(?:auth\.txt|auth-user-pass(?:\.txt)?|[\w.-]+\.auth|login\.conf|pass\.txt)$/.test(base) && /^\S{1,64}$/.test(head)) return 'openvpn-auth';
  if (RSYNC_SECRETS_FILE.test(base)) return 'rsync-secrets';
  // Exim's client authenticators read `/etc/exim4/passwd.client`: `host:login:password` lines.
  if (base === 'passwd.client') return 'exim-passwd';
  // dir26 (session 24): LDIF (`.ldif`, `dn: …`, `# extended LDIF`, an `ldapsearch` at a transcript's prompt), vCard, iCalendar.
  const directory = directoryLayout(base, head);
  if (directory !== undefined) return directory;
  const table = tableHeader === firstLine ? head : tableHeader.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if ((base.endsWith('.csv') || base.endsWith('.tsv') || (/^[^,\r\n]+(?:,[^,\r\n]+){2,}$/.test(table) && !LOG_TIMESTAMP_COMMA.test(table))) && table.includes(',')) {
    const columns = table.split(',').map(csvColumnKey);
    if (columns.some((c) => CSV_SECRET_COLUMN.test(c) || CSV_USER_COLUMN.test(c) || CSV_NAME_COLUMN.test(c) || CSV_ROLE_COLUMN.test(c) || CSV_ADDRESS_COLUMN.test(c) || CSV_NAME_PART_COLUMN.test(c) || CSV_PERSON_COLUMN_25.test(c) /* name25 */ || CSV_PERSON_COLUMN_26.test(c) /* dir26 */ || namesNationalIdColumn(c) /* num25 */)) return 'csv';
  }
  return undefined;
}

/**
 * A line of a pasted transcript that announces a file's content below it: `==> /home/u/.pgpass <==`
 * (head/tail of several files) or a shell prompt and `cat`/`type`/`Get-Content` of one file. Gives
 * the file's path, so the lines after it get that file's layout (until the next such line).
 */
export function transcriptSection(line: string): string | undefined {
  const text = line.replace(/\r$/, '');
  const head = /^==> (.{1,400}) <==$/.exec(text);
  if (head) return head[1];
  // A bundle of pasted files headed by comments (`# /etc/rsyncd.secrets (chmod 600)` ⏎ … ⏎
  // `# /var/log/rsyncd.log`): a comment that is only a path (and a remark in brackets). A path
  // without a layout of its own changes nothing in an item without one.
  const heading = /^#[ \t]+((?:~|\/)[\w./~-]{1,200})(?:[ \t]+\([^()\r\n]{0,80}\))?[ \t]*\r?$/.exec(text);
  if (heading) return heading[1];
  // (Session 17, secret18: after a `[root@host ~]#` prompt too; the last of `cat a || cat b`, `cat a; cat b`: what it shows last is below.)
  const shown = /^(?:[\w@.~:\\/ [\]-]{0,80}[$#%>][ \t]*)(?:[^\r\n|;&]{1,400}(?:\|\||&&|;)[ \t]*)?(?:sudo[ \t]+)?(?:cat|type|more|Get-Content|gc)[ \t]+(?:-\S+[ \t]+)*["']?([^\s"'|<>;&]{1,400})["']?[ \t]*$/.exec(text);
  if (shown) return shown[1];
  // A query at a database shell's prompt (`sqlite> SELECT guid, name_on_card … FROM credit_cards;` with
  // `.mode csv`, `mysql> select …`): its result is a table of its own, read by its header line (no name:
  // only a comma-separated header of three cells or more makes it a CSV table, see detectLayout).
  // dir26 (session 24): a command at a prompt whose output is LDIF (`$ ldapsearch -LLL -x -b ou=people,…`, `# slapcat -n 1`,
  // `$ sudo samba-tool user show ksjoberg`): the command's name stands for the path (detectLayout reads it as LDIF).
  const ldif = new RegExp(String.raw`^(?:[\w@.~:\\/ [\]-]{0,80}[$#%>][ \t]*)(?:sudo[ \t]+)?(${LDIF_COMMANDS})(?![\w-])[^\r\n]{0,2000}$`).exec(text);
  if (ldif) return ldif[1]!.split(/[ \t]/)[0];
  return /^[ \t]*[\w-]{1,20}[>#][ \t]*(?:SELECT|select)[ \t][^\r\n]{1,2000}$/.test(text) ? 'query' : undefined;
}

/**
 * A cheap necessary condition for `transcriptSection`, anywhere on a line (a prompt character is
 * rare in logs, so the scan skips ahead quickly); the whole line is then checked.
 */
// dir26 (session 24): and a command whose output is LDIF (`$ ldapsearch -LLL …`, `# slapcat`, `samba-tool user show`).
export const TRANSCRIPT_SECTION_HINT = new RegExp(String.raw`^==> |[$#%>][ \t]*(?:sudo[ \t]+)?(?:cat|type|more|Get-Content|gc|SELECT|select)[ \t]|^#[ \t]+[~/]|[$#%>][ \t]*(?:sudo[ \t]+)?(?:${LDIF_COMMANDS})(?![\w-])`, 'm');

const PROMPT_AT = new RegExp(String.raw`[$#%>][ \t]*(?:sudo[ \t]+)?(?:cat|type|more|Get-Content|gc|SELECT|select)[ \t]|#[ \t]+[~/]|[$#%>][ \t]*(?:sudo[ \t]+)?(?:${LDIF_COMMANDS})(?![\w-])`, 'y'); // dir26: LDIF commands
const PROMPT_CHARACTERS = ['>', '$', '#', '%'];

/**
 * `TRANSCRIPT_SECTION_HINT.test(text)`, found faster on plain text: each character the hint starts
 * with is looked for with indexOf (a memchr-like search, about 6× faster on logs than the regex's
 * pass over every character), and only those places are checked. Where they are dense (markup in
 * a log) the regex runs after a bounded number of checks, so the worst case stays near its cost.
 */
export function mayAnnounceSection(text: string): boolean {
  let budget = (text.length >> 8) + 16;
  for (let i = text.indexOf('==> '); i >= 0; i = text.indexOf('==> ', i + 1)) {
    const before = i === 0 ? 10 : text.charCodeAt(i - 1);
    // `^` of a multiline regex: after \n, \r, U+2028 or U+2029.
    if (before === 10 || before === 13 || before === 0x2028 || before === 0x2029) return true;
    if ((budget -= 1) < 0) return TRANSCRIPT_SECTION_HINT.test(text);
  }
  for (const c of PROMPT_CHARACTERS) {
    for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      PROMPT_AT.lastIndex = i;
      if (PROMPT_AT.test(text)) return true;
      if ((budget -= 1) < 0) return TRANSCRIPT_SECTION_HINT.test(text);
    }
  }
  return false;
}

const PLACEHOLDER_GLOBAL = new RegExp(PLACEHOLDER_PATTERN.source, 'g');

/**
 * Rewrites the placeholders of one redacted line for its format. `isOurs` tells a placeholder
 * this redactor made from literal text of the input that merely looks like one.
 */
export function encodePlaceholders(format: TextFormat, line: string, isOurs: (placeholder: string) => boolean): string {
  if (line.indexOf('<') < 0) return line;
  switch (format) {
    case 'json':
      return quoteBareJsonPlaceholders(line, isOurs);
    case 'xml':
    case 'html':
      return line.replace(PLACEHOLDER_GLOBAL, (p) => (isOurs(p) ? `&lt;${p.slice(1, -1)}&gt;` : p));
    case 'yaml':
      return line.replace(/(^[ \t]*(?:-[ \t]+)?(?:[^\s#"'][^#\r\n]*?:[ \t]+|-[ \t]+)?)(<[A-Z][A-Z0-9-]*-\d+>)([ \t]*(?:#.*)?\r?)$/, (whole, lead: string, p: string, tail: string) =>
        isOurs(p) ? `${lead}"${p}"${tail}` : whole,
      );
    default:
      return line;
  }
}

/** JSON strings never span lines: a per-line scan knows what is inside one. */
function quoteBareJsonPlaceholders(line: string, isOurs: (placeholder: string) => boolean): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 60 /* < */) {
      PLACEHOLDER_AT.lastIndex = i;
      const m = PLACEHOLDER_AT.exec(line);
      if (m && isOurs(m[0])) {
        out += `${line.slice(last, i)}"${m[0]}"`;
        last = i + m[0].length;
        i = last - 1;
      }
    }
  }
  return last === 0 ? line : out + line.slice(last);
}
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER_PATTERN.source, 'y');

const XML_ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,15}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/y;
const JSON_UNICODE_ESCAPE = /\\u[0-9A-Fa-f]{4}/y;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Where the XML entity that covers `at` starts, or -1 (`at` inside `&amp;`, after its `&`). */
function entityAround(line: string, at: number): { start: number; end: number } | undefined {
  const amp = line.lastIndexOf('&', at - 1);
  if (amp < 0 || at - amp > 16) return undefined;
  XML_ENTITY.lastIndex = amp;
  if (!XML_ENTITY.test(line)) return undefined;
  const end = XML_ENTITY.lastIndex;
  return at < end ? { start: amp, end } : undefined;
}

/** Whether the code unit at `i` is escaped by an odd run of backslashes before it. */
function escapedAt(line: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && line.charCodeAt(j) === 92; j -= 1) n += 1;
  return n % 2 === 1;
}

/**
 * Moves the edges of a span the rules want to replace so that it never cuts the format's own
 * syntax: a JSON escape (`\"`, `\\`, `\n`, `\uXXXX`) or an XML entity (`&amp;`, `&apos;`,
 * `&#x41;`) stays whole. An entity or a letter escape inside a value is part of the value (the
 * rule stopped at its `;` or backslash only because of the encoding), so the span grows over it
 * and the word that goes on after it: `C:\Users\张三&apos;s` is one user name, `Password=p&amp;w;`
 * one password. A span that ends on the backslash of an escaped quote gives the backslash back.
 * Plain text (log, ini …) is returned as it is.
 */
export function adjustSpan(format: TextFormat, line: string, start: number, end: number): [number, number] {
  if (format === 'xml' || format === 'html') return adjustXmlSpan(line, start, end);
  if (format === 'json') return adjustJsonSpan(line, start, end);
  return [start, end];
}

function adjustXmlSpan(line: string, start: number, end: number): [number, number] {
  // Markup is never part of a value (a connection-string password runs to `;`, not over `</c>`).
  const lt = line.indexOf('<', start);
  if (lt >= 0 && lt < end) end = lt;
  while (end > start && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end -= 1;
  const head = entityAround(line, start);
  if (head && head.start < start) start = head.start;
  const tail = end > start ? entityAround(line, end) : undefined;
  // Only a value that ran into an entity grows; one that stopped before an `&` is left alone
  // (`?a=1&amp;token=…` in a URL is a separator).
  if (tail && tail.start < end) {
    end = tail.end;
    for (;;) {
      while (end < line.length && WORD_CHAR.test(line[end]!)) end += 1;
      XML_ENTITY.lastIndex = end;
      if (line.charCodeAt(end) !== 38 /* & */ || !XML_ENTITY.test(line)) break;
      end = XML_ENTITY.lastIndex;
    }
  }
  return [start, end];
}

function adjustJsonSpan(line: string, start: number, end: number): [number, number] {
  // A value never runs over the end of its string (an unescaped quote).
  for (let q = line.indexOf('"', start); q >= 0 && q < end; q = line.indexOf('"', q + 1)) {
    if (!escapedAt(line, q)) {
      end = q;
      break;
    }
  }
  // Starting on the character an escape protects (`n` of `\n`, `"` of `\"`): take the backslash too.
  if (start > 0 && escapedAt(line, start)) start -= 1;
  else {
    // Inside `\uXXXX`: back to its backslash.
    for (let k = 1; k <= 5 && start - k >= 0; k += 1) {
      JSON_UNICODE_ESCAPE.lastIndex = start - k;
      if (line.charCodeAt(start - k) === 92 && !escapedAt(line, start - k) && JSON_UNICODE_ESCAPE.test(line) && JSON_UNICODE_ESCAPE.lastIndex > start) {
        start -= k;
        break;
      }
    }
  }
  // Ending inside `\uXXXX`: to its end.
  for (let k = 1; k <= 5 && end - k > start; k += 1) {
    JSON_UNICODE_ESCAPE.lastIndex = end - k;
    if (line.charCodeAt(end - k) === 92 && !escapedAt(line, end - k) && JSON_UNICODE_ESCAPE.test(line) && JSON_UNICODE_ESCAPE.lastIndex > end) {
      end = JSON_UNICODE_ESCAPE.lastIndex;
      break;
    }
  }
  // Ending on a backslash that escapes what follows (`abc\` of `abc\"`): give it back.
  if (end > start && line.charCodeAt(end - 1) === 92 && !escapedAt(line, end - 1)) end -= 1;
  // A letter written as `\uXXXX` right after the value belongs to it (`Jos\u00e9`).
  for (;;) {
    JSON_UNICODE_ESCAPE.lastIndex = end;
    if (end <= start || line.charCodeAt(end) !== 92 || escapedAt(line, end) || !JSON_UNICODE_ESCAPE.test(line)) break;
    if (!/[\p{L}\p{N}]/u.test(String.fromCharCode(parseInt(line.slice(end + 2, end + 6), 16)))) break;
    end = JSON_UNICODE_ESCAPE.lastIndex;
    while (end < line.length && WORD_CHAR.test(line[end]!)) end += 1;
  }
  return [start, end];
}

// JSON escapes that stand between words (`\n`, `\t` …) are masked, while the rules run, as the
// backslash and a space-like character no valid JSON has after a backslash: the rules then see a
// word boundary (`\n/home/bob` is a home path, `password=x\n` ends at the escape) and the line
// keeps its length, so every match maps back one to one.
const JSON_MASK: Record<string, string> = { n: '\u2002', t: '\u2003', r: '\u2004', b: '\u2005', f: '\u2006' };
const JSON_UNMASK: Record<string, string> = Object.fromEntries(Object.entries(JSON_MASK).map(([k, v]) => [v, k]));

/** `\n`, `\t`, `\r`, `\b`, `\f` of a JSON line as masked escapes (see JSON_MASK); other lines as they are. */
export function maskEscapes(format: TextFormat, line: string): string {
  if (format !== 'json' || line.indexOf('\\') < 0) return line;
  return swapEscapes(line, JSON_MASK);
}

/** The inverse of maskEscapes. */
export function unmaskEscapes(format: TextFormat, text: string): string {
  if (format !== 'json' || text.indexOf('\\') < 0) return text;
  return swapEscapes(text, JSON_UNMASK);
}

function swapEscapes(text: string, table: Record<string, string>): string {
  let out = '';
  let last = 0;
  for (let i = text.indexOf('\\'); i >= 0 && i < text.length - 1; i = text.indexOf('\\', i + 2)) {
    const to = table[text[i + 1]!];
    if (to === undefined) continue;
    out += text.slice(last, i + 1) + to;
    last = i + 2;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Non-ASCII characters written as `\uXXXX` (Python's json.dumps, many .NET serialisers) and
 * slashes written `\/` (PHP's json_encode) are decoded to the characters themselves, which is the
 * same JSON: a name or a path is then visible to the rules (`/home/\u5f20\u4e09` is `/home/张三`,
 * `\/home\/bob` is `/home/bob`). ASCII escapes
 * (`\u0022`, `\u003c`) and lone surrogates stay as they are. Returns the decoded text and the
 * tail that may be the start of an escape cut by the chunk boundary (decoded with the next chunk).
 */
export function decodeJsonUnicode(text: string, final: boolean): { text: string; rest: string } {
  let cut = text.length;
  if (!final) {
    const b = text.lastIndexOf('\\');
    if (b >= 0 && b >= text.length - 12) {
      cut = b;
      while (cut > 0 && text.charCodeAt(cut - 1) === 92) cut -= 1;
    }
  }
  const body = cut === text.length ? text : text.slice(0, cut);
  const rest = cut === text.length ? '' : text.slice(cut);
  if (body.indexOf('\\u') < 0 && body.indexOf('\\/') < 0) return { text: body, rest };
  // A backslash run is matched from its first backslash only (`(?<!\\)`): a start inside the run
  // would end at the same place, and trying each one was quadratic on a long run of backslashes.
  const decoded = body.replace(/(?<!\\)(\\+)u([dD][89abAB][0-9A-Fa-f]{2})\\u([dD][c-fC-F][0-9A-Fa-f]{2})|(?<!\\)(\\+)(?:u([0-9A-Fa-f]{4})|\/)/g, (whole, pairSlashes?: string, high?: string, low?: string, slashes?: string, hex?: string) => {
    const run = pairSlashes ?? slashes!;
    if (run.length % 2 === 0) return whole; // `\\u…`: an escaped backslash, then text
    if (high === undefined && hex === undefined) return `${run.slice(1)}/`; // `\/` (PHP's json_encode) is `/`
    if (high !== undefined) return run.slice(1) + String.fromCharCode(parseInt(high, 16), parseInt(low!, 16));
    const code = parseInt(hex!, 16);
    if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029) return whole;
    return run.slice(1) + String.fromCharCode(code);
  });
  return { text: decoded, rest };
}

/**
 * Where to cut an over-long JSON line (minified JSON is one line) in [limit - window, limit], so
 * that the piece ends outside a string: right after a `,` `{` `[` `:` between values. Placeholder
 * encoding reads each piece from its start as outside a string, so a cut inside one would make
 * it quote a placeholder in a string. Undefined when there is no such place (a string longer than
 * the window): the caller cuts where it would anyway.
 */
export function jsonCutPoint(text: string, start: number, limit: number, window: number): number | undefined {
  let inString = false;
  let best: number | undefined;
  const from = limit - window;
  for (let i = start; i < limit; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if ((c === 44 || c === 123 || c === 91 || c === 58) && i + 1 >= from) best = i + 1;
  }
  return best;
}

/** Formats whose structure is checked after redaction. */
export function hasStructureCheck(format: TextFormat): boolean {
  return format === 'json' || format === 'xml';
}

/** Whether `text` is valid in `format`; undefined when there is no checker for it. */
export function parsesAs(format: TextFormat, text: string): boolean | undefined {
  if (format === 'json') return jsonParses(text);
  if (format === 'xml') return xmlWellFormed(text);
  return undefined;
}

function jsonParses(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(body);
    return true;
  } catch {
    // JSON Lines: every non-empty line a document of its own.
    const lines = body.split(/\r?\n/).filter((l) => l.trim().length > 0);
    if (lines.length < 2) return false;
    try {
      for (const l of lines) JSON.parse(l);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * XML well-formedness, enough to catch what redaction can break: every tag closed in order,
 * attribute values quoted without a raw `<`, no raw `<` in text. Entity names are not resolved. A
 * comment before the declaration is let pass, and several documents each after its own `<?xml …?>`
 * (files copied into one) are checked one by one, so damage there is caught too.
 */
export function xmlWellFormed(text: string): boolean {
  const stack: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let seenRoot = false;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return false;
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0 || stack.length === 0) return false;
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return false;
      // A declaration after a whole document starts the next one: config files copied into one text
      // (DataGrip's dataSources.xml and dataSources.local.xml, each under a `<!-- path -->` comment).
      if (stack.length === 0 && seenRoot && /^<\?xml\s/.test(text.slice(lt, lt + 6))) seenRoot = false;
      i = end + 2;
    } else if (text.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const bracket = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      if (close < 0) return false;
      if (bracket >= 0 && bracket < close) {
        const end = text.indexOf(']>', bracket);
        if (end < 0) return false;
        i = end + 2;
      } else i = close + 1;
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(text);
      if (!m) return false;
      const [, slash, name, , selfClose] = m;
      if (slash) {
        if (stack.pop() !== name) return false;
      } else if (!selfClose) {
        if (stack.length === 0 && seenRoot) return false;
        stack.push(name!);
        seenRoot = true;
      } else if (stack.length === 0) {
        if (seenRoot) return false;
        seenRoot = true;
      }
      i = TAG.lastIndex;
    }
  }
  return seenRoot && stack.length === 0;
}
const TAG = /<(\/?)([A-Za-z_:\u00C0-\uFFEF][\w.:\-\u00B7\u00C0-\uFFEF]*)((?:\s+[^\s=<>/"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
