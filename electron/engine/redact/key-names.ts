/**
 * Whether a key name (`DB_PASSWORD`, `smtpPassword`, `token_expiry`, `密码`) names a secret, and
 * whether a value is a real value or a stand-in (`true`, `***`, `${DB_PASSWORD}`). Shared by the
 * assignment, header and URL-parameter rules so they agree on what a secret-named key is.
 */
import { detach, PLACEHOLDER_PATTERN } from './placeholders.js';

/** Where the key was found: URL parameters also treat `key`, `sig`, `code`, `sid` as secrets. */
export type KeyContext = 'assignment' | 'header' | 'url';

/** Components that name a secret wherever they appear as a word of the key. */
const SECRET_WORDS = new Set([
  'password', 'passwords', 'passwd', 'passphrase', 'passcode', 'pwd', 'pass', 'pw',
  'secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'creds',
  'apikey', 'authorization', 'auth', 'cookie', 'cookies',
  'sessionid', 'jsessionid', 'phpsessid', 'sessid', 'sesskey', 'jwt', 'bearer',
  'requirepass', 'masterauth', 'masterpass',
  // Wi-Fi pre-shared keys (NetworkManager `psk=`, wpa_supplicant `psk="…"`, `wpa_psk`).
  'psk',
  // PINs (device, certificate, card: `pin="8426"`, `CertPin=`) and QQ/WeChat's session key `skey`.
  'pin', 'pincode', 'skey',
  // PAM's and SSSD's word for the secret a module passes on (`ldap_default_authtok = …`, `use_authtok`
  // is a switch: its first word says so).
  'authtok',
  // LDAP bind passwords (`bindpw`, `bindpwd=`: OA/ERP LDAP sync, nslcd, sssd), a mail client's
  // authorization code (QQ/163 `authcode=`: an app password for IMAP/SMTP), an SMS/Open API `appkey`
  // (as `app_key`).
  'bindpw', 'bindpwd', 'authcode', 'appkey',
]);

/** Qualifiers that make the next word `key` a secret: `api_key`, `encryptionKey`, `AccountKey`. */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'client', 'encryption', 'enc', 'decryption', 'signing', 'sign',
  'master', 'license', 'licence', 'app', 'auth', 'session', 'shared', 'account', 'storage',
  'subscription', 'hmac', 'aes', 'crypt', 'crypto', 'ssh', 'gpg', 'pgp', 'root', 'admin',
  'service', 'deploy', 'consumer', 'webhook', 'product', 'serial', 'activation', 'cd', 'db',
  // WordPress `NONCE_KEY` (its other salts are AUTH_*/SECURE_AUTH_* keys).
  'nonce',
  // Feishu/Lark `ENCRYPT_KEY`, `decrypt_key`.
  'encrypt', 'decrypt',
  // Session 19 (secret20): a payment merchant's signing key (WeChat Pay `mch_key`, `merchantKey`, 聚合支付 `merchant_key`).
  'merchant', 'mch',
  // A chat robot's webhook key (WeCom `WECOM_BOT_KEY`, `robot_key`): whoever holds it posts as the robot.
  'bot', 'robot',
]);

/** Last words that make the key describe a secret rather than hold one (`token_expiry`). */
const METADATA_SUFFIXES = new Set([
  'expiry', 'expires', 'expire', 'expiration', 'expired', 'in', 'ttl', 'timeout', 'lifetime', 'age',
  'length', 'len', 'size', 'bits', 'count', 'policy', 'policies', 'type', 'types', 'kind', 'mode',
  'method', 'methods', 'format', 'algorithm', 'alg', 'algo', 'url', 'uri', 'urls', 'endpoint',
  'host', 'path', 'file', 'filename', 'files', 'dir', 'directory', 'folder', 'location', 'name',
  'names', 'header', 'field', 'param', 'parameter', 'prefix', 'version', 'enabled', 'enable',
  'disabled', 'required', 'changed', 'updated', 'created', 'set', 'at', 'time', 'date', 'timestamp',
  'strength', 'complexity', 'rotation', 'reuse', 'history', 'provider', 'providers', 'source',
  'store', 'storage', 'manager', 'helper', 'cache', 'scope', 'scopes', 'audience', 'issuer',
  'status', 'state', 'error', 'errors', 'limit', 'min', 'max', 'minimum', 'maximum', 'regex',
  'pattern', 'validation', 'label', 'placeholder', 'prompt', 'text', 'description', 'env', 'var',
  'variable', 'command', 'cmd', 'script', 'usage', 'refresh', 'interval', 'duration', 'period',
  'seconds', 'secs', 'sec', 'ms', 'minutes', 'mins', 'hours', 'days', 'retries', 'attempts',
  'lockout', 'flag', 'encoding', 'stdin', 'domain', 'basic', 'realm', 'mechanism', 'plugin',
  'backend', 'server', 'service', 'level', 'sock', 'socket', 'reset', 'sent', 'valid',
  'invalid', 'ok', 'failed', 'failures', 'login', 'handler', 'class', 'module', 'option', 'options',
  'settings', 'config', 'configuration',
  // Session 21 (secret22): NetworkManager's `802-11-wireless-security.psk-flags: 0 (none)`, `password-flags`: where the secret is
  // kept (agent-owned, not saved), not the secret; an Oracle Net trace's `AUTH_TERMINAL=`, `AUTH_PROGRAM_NM=`, `AUTH_MACHINE=`,
  // `AUTH_PID=` (the client's terminal, program name, machine and process): who signs in from where, no secret.
  'flags', 'terminal', 'machine', 'pid', 'program', 'nm',
  // Session 18 (fp19): Seata's `tokenValidityInMilliseconds = 1800000`, `token_validity`: how long a token lasts; a key container's
  // name (certutil's `Key Container`): which one, not the secret.
  'milliseconds', 'millis', 'nanoseconds', 'nanos', 'microseconds', 'validity', 'container',
  // Redmine's `change_column_default("auth_sources", "tls", …)`: a table of sign-in sources.
  'sources',
  // apt's `Pin-Priority: 600`.
  'priority',
  // Session 19 (fp20): how a secret is hashed or which one is meant, not the secret (mailcow `MAILCOW_PASS_SCHEME=BLF-CRYPT`,
  // zabbix `TLSPSKIdentity=PSK-erp-db-01`, `--tls-psk-identity`), and a search that finds the account (`AUTH_LDAP_SEARCH_FILTER`).
  'scheme', 'schemes', 'identity', 'filter', 'filters',
  // …and the file descriptor a secret is read from (gpg's `--passphrase-fd 0`, `--override-session-key-fd fd`).
  'fd',
  // Exchange's `X-MS-Exchange-Organization-AuthAs: Internal`: how the sender was authenticated.
  'as',
  // `TokenService.java:88` in a stack trace: a source file and a line number.
  'java', 'kt', 'kts', 'cs', 'vb', 'fs', 'py', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'go', 'rb', 'cpp', 'cc',
  'cxx', 'c', 'h', 'hpp', 'php', 'swift', 'scala', 'groovy', 'rs', 'dart', 'lua', 'pl', 'pm', 'm', 'mm',
]);

/** Chinese endings of a key that describe a secret rather than hold one. */
// …and beginnings: `上次设置的密码` (password last set), `最后修改密码时间`, `下次更改密码`: when, not what.
// Session 18 (fp19): a switch about the secret (`保存密码=是`, `记住密码`, `是否加密`, `显示密码`), as `save`/`remember`/`is` in English.
const CJK_METADATA_PREFIX = /^(?:上次|上一次|最后|最近|下次|下一次|保存|记住|是否|显示|启用|禁用|允许|需要|忘记)/;
// Session 18 (fp19): what to run or where the secret is kept (`修改密码可执行命令：1pctl update password`, certutil's zh-CN
// `密钥容器 = te-User-…`, `密钥文件`, `密钥路径`, `令牌地址`), as `command`/`container`/`file`/`path`/`url` in English.
const CJK_METADATA_SUFFIX = /(?:序列号|编号|类型|长度|位数|有效期|过期时间|到期时间|策略|规则|提示|名称|强度|复杂度|命令|指令|容器|文件|路径|地址|状态)$/;

/** First words that turn the key into a switch or a statistic (`is_password_set`, `maxPasswordAge`). */
const METADATA_PREFIXES = new Set([
  'is', 'has', 'use', 'uses', 'enable', 'enabled', 'disable', 'disabled', 'allow', 'require',
  'required', 'show', 'hide', 'max', 'min', 'num', 'count', 'remember', 'save', 'no', 'skip',
  'last', 'next', 'prev', 'previous', 'total', 'expected', 'default', 'validate', 'verify',
]);

/** Words anywhere in a key that make it the size of a buffer for a secret, not the secret. */
const BUFFER_WORDS = new Set(['buflen', 'bufsize', 'maxlen', 'minlen']);

/** Words before `token` that make it a cursor or a handle, not a credential (`next_page_token`). */
const HANDLE_TOKEN_QUALIFIERS = new Set(['page', 'continuation', 'cursor', 'sync', 'change', 'delta', 'resume', 'cancellation', 'cancel', 'lexer', 'parser']);

/** Splits `smtpPassword`, `DB_PASSWORD`, `APIKey`, `x-api-key`, `数据库密码` into lower-case words. */
export function keyWords(key: string): string[] {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // From the first capital of a run only: any later start ends at the same place (quadratic on a long run).
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return spaced.split(/[^a-z0-9\u4e00-\u9fa5]+/).filter((w) => w.length > 0);
}

// One word made of glued parts (`dbpassword`, `clientsecret`, `authtoken`, `密码`).
// `ERPSESSID`, `ASPSESSIONID` (session cookies named after their app); `OTPSeed` (an authenticator's secret).
// GlobalProtect's `authcookie`, `portal-userauthcookie`: a sign-in cookie glued to its purpose.
const GLUED_SECRET = /password|passwd|passphrase|passcode|secret(?!ary|ari)|token(?!i[sz])|credential|apikey|accesskey|secretkey|privatekey|authkey|sessionkey|signingkey|encryptionkey|masterkey|licensekey|sess(?:ion)?id$|(?:otp|totp|hotp|mfa)seed|(?:auth|session|login|sso)cookie$|密码|口令|密钥|令牌|私钥/;
// Session 16 (secret17): what a password is for, glued the same way (phpMyAdmin `controlpass`, LibreNMS `authpass`/`cryptopass`,
// UCenter `UC_FOUNDERPW`, `masterpw`, `bindpw`, `superpass`, `syspwd`, `dbapw`, `sapwd`, `vpnpass`, `snmppass`, `enablepass`).
const GLUED_PASS = /(?:^|db|my|user|admin|root|smtp|mail|ftp|ldap|proxy|sql|key|store|trust|wifi|vnc|rdp|ssh|app|login|control|auth|crypto|priv|founder|master|bind|super|sys|dba|sa|vpn|snmp|enable|sudo|bmc|ipmi|redis|cluster|rbac|bucket|stats|console|manager|service|svc)(?:pass|pwd|pw)$/;

// Session 17 (secret18): parts a key is glued from that name a random secret or a sign-in check wherever they stand: `rnd` (帝国CMS
// `['cks']['ckrnd']`, `ckrndtwo`, `ecookiernd`: the random strings its cookies are signed with), an `…auth` glued to what it
// guards (`loginauth`, `cookieauth`, `siteauth`: a second password or a signing key), a map SDK's `jscode` (高德 `securityJsCode`).
// Session 20 (fp21): not `rndis` (Remote NDIS, a USB network driver: the kernel changelog's `f_rndis: Refactor …`).
const GLUED_RANDOM = /^[a-z]{0,12}rnd(?!is$)(?:[a-z]{0,5}|\d)$|^(?:login|cookie|site|safe|user|admin|api|app|sys|web|rpc|mgmt|http)auth$|^(?:security)?jscode$/;

function isSecretWord(word: string): boolean {
  return SECRET_WORDS.has(word) || GLUED_SECRET.test(word) || GLUED_PASS.test(word) || GLUED_RANDOM.test(word);
}

/**
 * Session 17 (secret18): a cloud or map SDK's key pair by its abbreviations as the key's last word (`BMAP_AK`, `qiniu_sk`,
 * `ALIYUN_AK`, `oss.sk`): `ak`/`sk` name the access key and the secret key. Only as the last of two or more words: alone (`sk:`
 * a locale, `ak` a language code) or first (`ak_version`, `sk_id`) they name something else. (Judged where a pair's name is read —
 * XML/JSON name/value pairs, tables —; no line wakes on `ak`/`sk` alone: a wake on two letters cost the Chinese log bench ~15 %.)
 */
function isKeyPairAbbreviation(words: readonly string[]): boolean {
  return words.length >= 2 && (words[words.length - 1] === 'ak' || words[words.length - 1] === 'sk');
}

/**
 * True when a key names a secret value. Describing keys are not secrets: a last word such as
 * expiry/ttl/length/policy/type/url/path/file (`token_expiry`, `password_policy`) or a first word
 * such as is/has/use/enable/max/min (`is_password_set`, `max_password_age`).
 */
export function isSecretKey(key: string, context: KeyContext): boolean {
  // Logs repeat the same keys on every line: remember the verdicts (bounded).
  const cache = verdicts[context];
  const known = cache.get(key);
  if (known !== undefined) return known;
  const verdict = classifyKey(key, context);
  if (cache.size >= VERDICT_CACHE_LIMIT) cache.clear();
  // A copy: the key was cut from a chunk of input, which the cache must not keep alive.
  cache.set(detach(key), verdict);
  return verdict;
}

const VERDICT_CACHE_LIMIT = 8192;
const verdicts: Record<KeyContext, Map<string, boolean>> = { assignment: new Map(), header: new Map(), url: new Map() };

// `c.a.x.auth.LoginController` (a Java logger column): a class name, not a key.
const CLASS_NAME = /^(?:[a-z][a-z0-9_]*\.){2,}[A-Z][A-Za-z0-9_$]*$/;

// Key names the word lists below do not decide right: a WLAN profile's `<keyMaterial>` (netsh wlan
// export … key=clear), Sangfor EasyConnect's session cookie `TWFID`, WordPress salts
// (`LOGGED_IN_KEY`, `AUTH_SALT` …) — and `auth-model: native` (DBeaver), `auth_type`-like names that
// describe how one signs in, not the secret. Here, so the prefilter's wake check (wakesAssignedKey)
// and the rule's gate give the same verdict.
// VPN portals' session cookies, named for the product: Ivanti/Pulse `DSID`, F5 `MRHSession`.
// Sign-in cookies named for the site, not for what they are: Baidu's `BDUSS` (and `BDUSS_BFESS`),
// Zhihu's `z_c0`. WindTerm keeps a session's password as `session.autoLogin` (a switch elsewhere:
// `true`/`1` are benign values). A card's security code (`cvv`, `cvc2`, `card_cvn2`),
// a security question's answer (`securityAnswer`, `secret_answer2`); an authenticator's seed kept as
// `totp` (Bitwarden, Tabby, 1Password exports: a bare base32 seed or an otpauth URI; `totp_enabled` describes).
// Citrix's `LogonTicket=` (launch.ica): a one-time sign-in ticket to the session.
// open-iscsi's `node.session.auth.password_in` (mutual CHAP: the target's password; `_in` is no "expires in");
// a stored password hash named for its scheme (pfSense `<bcrypt-hash>`, `nt-hash`, `password_hash`), not a file checksum (`md5_hash`).
// nps/npc's `vkey` (also npc's flag `-vkey=`), `public_vkey`, `VerifyKey`: the key a client connects with (public to no one: `public` names the mode).
const MORE_SECRET_KEYS = /^(?:-{0,2}(?:public_?)?vkey|verify_?key|(?:new|init|initial|tmp|temp|confirm)_?(?:pwd|pass|passwd|password)\d?|(?:login[_.])?totp|(?:totp|otp|mfa|2fa)[_-]?secret|key_?material|twfid|(?:secure_)?auth_salt|logged_in_(?:key|salt)|nonce_salt|dsid|mrhsession|bduss(?:_bfess)?|z_c0|sessdata|(?:session\.)?autologin|(?:card_?)?(?:cvv|cvc|cvn)2?|(?:security|secret)_?answer\d?|logon_?ticket|(?:[a-z][\w-]*\.)*password_in|(?:bcrypt|nt|password|pass)[_-]?hash)$/i;
// systemd's `LoadCredential=passwd.hashed-password.root`, `ImportCredential=tmpfiles.*`,
// `ConditionCredential=|sysusers.extra`: the ID (and path) of a credential the service is given, not
// its contents (`SetCredential=id:data` carries the data itself and stays a secret).
const SYSTEMD_CREDENTIAL_NAME = /^(?:Load|Import|Condition|Assert)Credential(?:Encrypted)?$/;
const DESCRIBING_AUTH_KEY = /(?:^|[^a-z])auth[_.-]?(?:model|scheme|provider|source|order)$|^auth(?:model|scheme)$/i;

/** The SDKs whose app key ships inside the client app (push, analytics); their secrets are a separate `master_secret`/`app_secret`. */
export const PUBLIC_APP_KEY_SDKS = /^(?:jpush|jiguang|umeng|getui|igexin|mipush|oppo|vivo|meizu|honor|mobpush|tpns|xinge|pusher|push)$/;
/** `jpush.app-key`, `umeng_appkey`: a key named as a push or analytics SDK's app key. */
export function isPublicAppKeyName(key: string): boolean {
  const words = keyWords(key);
  return words.length > 1 && isPublicAppKey(words);
}
function isPublicAppKey(words: readonly string[]): boolean {
  const last = words[words.length - 1]!;
  const appKey = last === 'appkey' || (last === 'key' && words[words.length - 2] === 'app');
  return appKey && words.some((w) => PUBLIC_APP_KEY_SDKS.test(w));
}

function classifyKey(key: string, context: KeyContext): boolean {
  if (MORE_SECRET_KEYS.test(key)) return true;
  if (DESCRIBING_AUTH_KEY.test(key)) return false;
  if (SYSTEMD_CREDENTIAL_NAME.test(key)) return false;
  if (CLASS_NAME.test(key)) return false;
  // Session 20 (fp21): FortiOS's `set fortitoken "FTKMOB4A7C2E91D3"` (a user's or admin's token, `config user local`/`system admin`)
  // names a hardware or mobile token by its serial, as `token_serial`, `tokenSN`, `otp-serial-number` do: which device, its seed is
  // not in a config.
  if (/^(?:forti-?token|(?:[a-z]+[_.-]?)?(?:token|otp)[_.-]?(?:serial(?:[_.-]?(?:no|num|number))?|sn))$/i.test(key)) return false;
  const words = keyWords(key);
  if (words.length === 0) return false;
  if (/^[A-Z]+(?:-[A-Z]+)*-\d+$/.test(key)) return false; // one of our placeholders, not a key
  const last = words[words.length - 1]!;
  const first = words[0]!;
  // RabbitMQ's `default_pass`, `DEFAULT_PASSWORD` of images and installers: the default account's
  // password itself (two words only: `default_password_length` and the like stay descriptions).
  if (words.length === 2 && first === 'default' && isSecretWord(last)) return true;
  if (words.length > 1 && (METADATA_SUFFIXES.has(last) || METADATA_PREFIXES.has(first))) return false;
  // getconf's `NSS_BUFLEN_PASSWD  1024`: the size of a buffer for the password database.
  if (words.length > 1 && words.some((w) => BUFFER_WORDS.has(w))) return false;
  // `signing.keyId`, `key_id`: which key, not the key (`session_id` stays a secret; a service
  // account's `private_key_id` is kept secret with its key, as the tuned corpus wants).
  // Session 17 (secret18): an access key's ID (`aws_access_key_id`, MinIO/Milvus `accessKeyID`) is half of the pair and kept with
  // its secret, as cloud-key keeps `AKIA…`-shaped ones.
  if (words.length > 2 && last === 'id' && words[words.length - 2] === 'key' && words[words.length - 3] === 'access') return true;
  if (words.length > 1 && last === 'id' && words[words.length - 2] === 'key' && !words.includes('private')) return false;
  // OpenStack's `application_credential_id`, WebAuthn's `credential_id`: which credential (its secret is `…_secret`).
  if (words.length > 1 && last === 'id' && /^cred(?:ential)?s?$/.test(words[words.length - 2]!)) return false;
  // Alipay's `auth_app_id=2021…`, `oauth_client_id`: which application, public in every request it signs.
  if (words.length > 2 && last === 'id' && /^(?:app|client)$/.test(words[words.length - 2]!)) return false;
  // Session 18 (fp19): a certificate's or a CA's hash, fingerprint or thumbprint (kubeadm's `--discovery-token-ca-cert-hash
  // sha256:…`, `ca_cert_fingerprint`, `tls-cert-thumbprint`): a pin of a public key, public by design.
  if (words.length > 1 && /^(?:hash|fingerprint|thumbprint|digest|sha1|sha256)$/.test(last) && /^(?:ca|cert|certificate|pubkey|spki)$/.test(words[words.length - 2]!)) return false;
  // Session 18 (fp19): a mobile push or analytics SDK's app key (`jpush.app-key`, `umeng.appkey`, `getui_app_key`, `pusher.key`
  // is not one: only `app key`): shipped inside every copy of the app, public; the SDK's master/app secret is the secret.
  if (words.length > 1 && isPublicAppKey(words)) return false;
  // `手机令牌序列号`, `密码有效期`, `密钥类型`: a Chinese key that describes the secret.
  if (CJK_METADATA_SUFFIX.test(key) || CJK_METADATA_PREFIX.test(key)) return false;
  // `PublicKeyToken=b77a5c561934e089` (.NET assembly names), `public_key`: public by design.
  // A salt named for what it signs (Mattermost's `PublicLinkSalt`: the links are public, the salt is not).
  if ((words.includes('public') && last !== 'salt') || words.some((w) => w.startsWith('publickey'))) return false;
  if (context === 'url' && words.length <= 2 && /^(?:key|sig|sign|signature|code|sid|session|otp|ticket|hash)$/.test(last)) {
    // `?key=`, `&sig=`, `&sign=` (Alipay, WeChat Pay), `x-amz-signature=`; `?code=` only on its own (not `error_code`).
    if (last !== 'code' || words.length === 1) return true;
  }
  if (context === 'url' && words.includes('signature')) return true;
  if (isKeyPairAbbreviation(words)) return true;
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!;
    // 高德's `AMAP_SECURITY_JS_CODE`, `securityJsCode`: the web key's security code (a `js_code` alone too).
    if (w === 'code' && i > 0 && words[i - 1] === 'js') return true;
    if ((w === 'token' || w === 'tokens') && i > 0 && HANDLE_TOKEN_QUALIFIERS.has(words[i - 1]!)) continue;
    if (isSecretWord(w)) return true;
    if ((w === 'key' || w === 'keys') && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) return true;
    // `OTP_SEED`, `totp.seed`: the shared secret of an authenticator (a random `seed=42` is not).
    if (w === 'seed' && i > 0 && /^(?:otp|totp|hotp|mfa|2fa|authenticator)$/.test(words[i - 1]!)) return true;
    if (w === 'session' && (words[i + 1] === 'id' || words[i + 1] === 'key' || words[i + 1] === 'token')) return true;
    if (w === 'private' && words[i + 1] === 'key') return true;
    // A salt as the key's last word (`ENCRYPT_SALT`, `password_salt`, `salt`): with the hash or the
    // key it salts, it is what makes a guess checkable (`salt_master`, `salt_length` are not salts).
    if (w === 'salt' && i === words.length - 1) return true;
  }
  return false;
}

/** Words a key is built from that make a stolen value a bearer credential rather than a password. */
export function secretKindForKey(key: string): 'TOKEN' | 'SECRET' {
  return /token|session|sessid|cookie|jwt|bearer|bduss|z_c0|sessdata|authorization|^sid$|^code$|^sig$|signature|^dsid$/i.test(key) ? 'TOKEN' : 'SECRET';
}

// The signature schemes of object storage (`Authorization: OSS <AK>:<sig>`, S3 v2 `AWS`, OBS, Qiniu, UpYun, KS3): auth-header keeps the scheme and takes what follows.
const BENIGN_VALUE = /^(?:true|false|yes|no|on|off|null|nil|none|undefined|empty|required|optional|enabled?|disabled?|n\/?a|unset|not[ _-]?set|hidden|masked|redacted|removed|omitted|filtered|sensitive|ok|success|succeeded|successful|fail|failed|failure|denied|granted|accepted|rejected|valid|invalid|expired|revoked|missing|present|configured|supplied|provided|changed|unchanged|updated|match|matched|mismatch|correct|incorrect|wrong|blank|refreshed|pending|unknown|unavailable|bearer|basic|digest|negotiate|ntlm|kerberos|mschapv2|mschap|chap|pap|gtc|peap|ttls|eap-tls|leap|token|oauth|aws4-hmac-sha256|hmac-sha256|hmac|signature|sharedkey|sharedkeylite|aws|oss|obs|qbox|qiniu|upyun|ks3|apikey|api-key|sso-key|ssws|jwt|\*+|x{3,}|•+|●+|\.{3}|…|-+|_+|\?+|#+|0|1)$/i;
// Words real machines put after a secret-named key that are not secrets: a Debian/RPM architecture
// (dpkg.log's `python3-jwt:amd64`, `libhttp-cookies-perl:all`), a Rails migration's state
// (`== 2016… ForcePasswordResetDuringSetup: migrated (0.0010s)`), a PostgreSQL auth method
// (`initdb --auth-local peer`, pg_hba's `md5`).
// svnserve.conf's `auth-access = write` and `password-db = passwd`: an access level and a password file's name.
// Session 18 (fp19): an access level (ntfy's `auth-default-access: deny-all`, `read-only`, `write-only`, `deny`).
const MACHINE_WORD_VALUE = /^(?:read|write|read-?write|read-?only|write-?only|deny|allow|(?:deny|allow|read|write)-(?:all|none|only|read|write)|passwd|htpasswd|all|any|amd64|arm64|armhf|armel|i386|i686|x86_64|x86-64|aarch64|noarch|ppc64el|ppc64le|s390x|riscv64|mips64el|mipsel|loong64|migrated|migrating|reverted|reverting|peer|trust|ident|reject|md5|scram-sha-256|gss|sspi|pam|radius)$/i;
// nsswitch.conf's `passwd:  files systemd`: where the password database comes from.
const NSSWITCH_SOURCES = /^(?:(?:files|systemd|compat|nis|nisplus|ldap|sss|db|winbind|altfiles|extrausers|cache|hesiod|mymachines|usrfiles)(?:[ \t]+|$))+$/;
const TEMPLATE_VALUE = /^(?:\$\(.+\)|`[^`]+`|\$\{[^}]*\}|\$\(?[A-Za-z_][A-Za-z0-9_]*\)?|%[A-Za-z_][A-Za-z0-9_]*%|\{\{.*\}\}|\{[A-Za-z_][\w.]*(?:\([\w., ]*\))?\}|<[^<>]*>|\[[^[\]]*\]|\([a-z ]*\)|@Microsoft\.KeyVault\(.*\)|vault:.*|ENC\[.*\]|\$env:[A-Za-z_]\w*)$/i;

// Session 20 (fp21): a manual's or README's metavariable where the secret goes (curl's `-u name:password`, `--user me:pwd`,
// `http://user:pass@host`, `-U, --proxy-user <user:password>`, wget's `--post-data 'user=foo&password=bar'`, gpg's
// `--change-passphrase user-id`, `--private-key=file`): the word naming the value, or the stock foo/bar, is no value.
// (`password` and `secret` alone only in a login:password pair, STAND_IN_PAIR_SECRET: after a flag they are real, if weak, values.)
export const STAND_IN_VALUE = /^<?(?:passwd|pass|pwd|pw|passphrase|(?:my|your|the)[_-]?(?:password|passwd|pass|pwd|secret)|user-?id|key-?id|file|foo|bar|baz|qux|foobar)>?$/i;
export const STAND_IN_PAIR_SECRET = /^<?(?:password|secret)>?$/i;
const PROMPT_VALUE = /^(?=[A-Za-z ]+$)(?=.*\b(?:password|passphrase|secret|key|token|pin)\b)[A-Za-z]+(?: [A-Za-z]+){1,5}$/i;

const POWERSHELL_CMDLET = /^\(?(?:ConvertTo|ConvertFrom|Get|Read|New|Import|Export|Set)-[A-Z][A-Za-z]+\)?$/;

/** `/etc/openvpn/auth.txt`, `C:\secrets\db.txt`, `\\server\share\x`: at least two path levels. */
const ABSOLUTE_PATH = /^(?:[A-Za-z]:[\\/]|\\\\|\/)[^\s\\/]+[\\/][^\s]*$/;

/** `0 kB` (/proc's `VmPin:`), `12 ms`, `80 %`: a number with its unit is a measurement. */
const MEASUREMENT_VALUE = /^\d+(?:\.\d+)?[ \t]?(?:[kKMGTP]i?B|bytes?|ms|us|ns|s|secs?|seconds?|min|%)$/;

/**
 * Held-out-11's forms of "no value here": punctuation alone (LDIF's `userPassword:: <base64>` leaves
 * `:` after the key), a heredoc opener (Terraform `key = <<EOT`, the value is on the next lines), a
 * port and protocol (/etc/services' `kpasswd  464/tcp`), a fully qualified Java class
 * (ZooKeeper's `authProvider.1=org.apache.zookeeper.server.auth.SASLAuthenticationProvider`).
 */
const NOT_A_VALUE = /^(?:[:=<>|~.-]{1,8}|<<[-~]?["']?[A-Za-z_][A-Za-z0-9_]{0,31}["']?|\d{1,5}\/(?:tcp|udp|sctp|ddp)|(?:[a-z][a-z0-9_]*\.){2,}[A-Z][A-Za-z0-9_$]*)$/;

// A timestamp, a calendar date with its time of day: `2026/3/20 15:03:10`, `2026-03-20T15:03:10`, `3/20/2026 3:03 PM`
// (a date alone stays: `19900315`-like birthdays are common passwords).
const DATE_VALUE = /^(?:(?:19|20)\d{2}([/.-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|[12]\d|3[01])\2(?:19|20)\d{2})[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[ \t]?[AaPp][Mm])?$/;

/**
 * Session 18 (fp19) — values under a secret-named key that name no secret:
 * - a locked or empty account's marker (shadow/Puppet `password: '!!'`, `!`, `!*`);
 * - a mail server's macro for the user's own password (Roundcube `smtp_pass = '%p'`, Dovecot `%w`, `%{password}`);
 * - how one signs in (3proxy `auth strong`/`iponly`, L2TP `L2tpIPsecAuth : Psk`, ocserv `auth = "plain[passwd=/etc/ocserv/ocpasswd]"`,
 *   `radius[config=…]`): a method, with the options in brackets;
 * - a reference to an auth object by its name (Asterisk pjsip `outbound_auth=trunk-ctc-auth`, `auth=8012-auth`: a `[8012-auth]` section);
 * - a Chinese yes/no or a verb, alone (H3C iNode `保存密码=是`, a comment's `令牌: 发给 某人 的 key`);
 * - an LDAP GeneralizedTime (`krbLastPwdChange: 20260311081522Z`);
 * - the MD5/SHA-1/SHA-256 digest of an empty input;
 * - a JSON object's text (Keycloak `"credentialData": "{\"hashIterations\":27500,…}"`): its fields are judged on their own.
 */
const NOT_A_SECRET_FP19 = new RegExp(
  [
    String.raw`!{1,2}\*?`,
    String.raw`%[A-Za-z]|%\{[A-Za-z_][\w.]*\}`,
    String.raw`psk|pre-?shared-?key|strong|iponly|useronly|nbname|(?:plain|pam|radius|certificate|cert|gssapi|oidc|ldap)\[[^\]\r\n]*\]`,
    String.raw`[A-Za-z0-9][\w.-]*[-_.]auth`,
    // An LDAP GeneralizedTime (FreeIPA `krbLastPwdChange: 20260311081522Z`, `pwdChangedTime`): when, not what.
    String.raw`(?:19|20)\d{12}(?:\.\d{1,6})?Z`,
    String.raw`是|否|有|对|错|开|关|开启|关闭|打开|发给|发送|详见|见下|同上|略|空`,
    String.raw`\{\\?"[A-Za-z_][\w-]*\\?"[ \t]*:[^\r\n]*\}`,
    // The digest of nothing (MD5, SHA-1, SHA-256 of an empty input: a `sign=` over an empty body, an empty file's checksum): known to all.
    String.raw`d41d8cd98f00b204e9800998ecf8427e|da39a3ee5e6b4b0d3255bfef95601890afd80709|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
  ]
    .map((a) => `(?:${a})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')$'),
  'i',
);

// Session 21 (secret22): type names (Terraform, HCL, JSON schema, TypeScript, Go), alone or as a collection of one
// (`list(string)`, `map(any)`, `set(number)`, `[]string`, `string[]`).
const TYPE_NAME_VALUE = /^(?:(?:list|map|set|tuple|object|array|optional)\((?:string|number|bool|boolean|any|object|int|integer)\)|\[\](?:string|byte|int)|(?:string|number|boolean|integer|object)\[\]|string|number|bool|boolean|integer|int|int32|int64|uint|float|float32|float64|double|str|object|array|any|bytes|SecureString|System\.String|System\.Security\.SecureString)$/i;
// A style spec: words of a colour style (`bg:#ffffff #000000`, `fg:ansired bold`, `#ff0066 italic`, `noinherit`) with at least one
// colour (`#rgb`/`#rrggbb`, `ansi…`) or a `bg:`/`fg:` prefix, or two words or more.
const STYLE_WORD = String.raw`(?:(?:bg|fg|border):)?(?:#[0-9a-f]{3}|#[0-9a-f]{6}|ansi[a-z]+|default)|(?:no)?(?:bold|italic|underline|reverse|blink|hidden|inherit|strike)`;
const STYLE_SPEC_VALUE = new RegExp(String.raw`^(?:(?=.*(?:#(?:[0-9a-f]{3}){1,2}\b|(?:bg|fg):|ansi[a-z]))(?:${STYLE_WORD})|(?:${STYLE_WORD})[ \t]+(?:${STYLE_WORD}))(?:[ \t]+(?:${STYLE_WORD}))*$`, 'i');

/**
 * A value that is not a secret although its key is: booleans, masks (`***`, `<redacted>`),
 * references to where the secret really is (`${DB_PASSWORD}`, `%PWD%`, `{{ .Values.pw }}`).
 */
export function isBenignValue(value: string): boolean {
  // A JSON literal with the comma after it (`"autoLogin": true,` taken to the end of its line) is the literal.
  const v = value.trim().replace(/^(true|false|null)[ \t]*,$/i, '$1');
  // `${VAULT_SECRET`: a reference cut short by the value's delimiters is still a reference.
  // A YAML tag (`!vault`) announces a value; an absolute path names where a secret is kept.
  return (
    v.length === 0 ||
    BENIGN_VALUE.test(v) ||
    MACHINE_WORD_VALUE.test(v) ||
    NSSWITCH_SOURCES.test(v) ||
    TEMPLATE_VALUE.test(v) ||
    /^(?:\$\{|\{\{)[\w. :-]*$/.test(v) ||
    /^!{1,2}[A-Za-z]+$/.test(v) ||
    // A documentation stand-in (`jpush.master-secret=your_master_secret`, `api_key=your-api-key`), hydra's
    // form template (`pass=^PASS^:F=登录失败`).
    /^your[_-][a-z]+(?:[_-][a-z]+)*$/i.test(v) ||
    /^\^[A-Z]+\^/.test(v) ||
    // Session 17 (secret18): a key's prefix and an ellipsis (`api_key: "sk-..."`, `token: ghp_…`): a stand-in cut short on purpose.
    /^[A-Za-z0-9_-]{0,12}(?:\.{3}|…)$/.test(v) ||
    // A prompt's remark (`Password (again):`, `Retype password (confirm):`), a block opened after a scheme (Bruno `auth:basic {`),
    // a scheme before a template (`"value": "Bearer {{token}}"`).
    /^\([a-z ]{1,24}\):?$/i.test(v) ||
    /^[A-Za-z][\w-]{0,20}[ \t]+\{$/.test(v) ||
    /^(?:bearer|basic|token|digest|apikey)[ \t]+(?:\{\{[^{}]*\}\}|\$\{[^{}]*\}|<[^<>]*>|%[A-Za-z_]\w*%)$/i.test(v) ||
    // `authorization {`, `secrets {` (NATS, strongSwan), `"Authorization":["Basic …"]`: a block or a list opens,
    // the values are inside it.
    /^[[{(]$/.test(v) ||
    // `$pw = ConvertTo-SecureString "…" -AsPlainText`: the cmdlet that makes the secret, not the secret.
    POWERSHELL_CMDLET.test(v) ||
    /^(?:not|never|no)[ _-]+[a-z]+(?:[ _-][a-z]+)?$/i.test(v) ||
    ABSOLUTE_PATH.test(v) ||
    // openssl.cnf's `private_key = $dir/private/cakey.pem# The private key`: a path under a variable.
    /^(?:\$\{?[A-Za-z_]\w*\}?|%[A-Za-z_]\w*%)[\\/]\S/.test(v) ||
    // `secret = # disable PBM`: an empty value and its comment.
    /^#[ \t]/.test(v) ||
    // openssl.cnf's `challengePassword = A challenge password`: words naming the secret are its label, not the secret.
    PROMPT_VALUE.test(v) ||
    MEASUREMENT_VALUE.test(v) ||
    NOT_A_VALUE.test(v) ||
    // `上次设置的密码: 2026/3/20 15:03:10` (4738), `pwdLastSet: 2026-03-20 10:00`: a timestamp says when, it is no password.
    DATE_VALUE.test(v) ||
    NOT_A_SECRET_FP19.test(v) ||
    KEY_FINGERPRINT.test(v) ||
    SIGNING_SCHEME_VALUE.test(v) ||
    STAND_IN_VALUE.test(v) ||
    // Session 21 (secret22): a type's name (Terraform's `"password": "string"` in an output's `type`, a JSON schema's
    // `"token": {"type": "string"}`, `list(string)`) and a terminal colour style (pgcli/pygments `'bg:#ffffff #000000'`,
    // prompt_toolkit `fg:ansired bold`): they describe a value, they hold none.
    TYPE_NAME_VALUE.test(v) ||
    STYLE_SPEC_VALUE.test(v)
  );
}

/**
 * Session 20 (secret21): a value in a command's own place (a device's `key Y`, `doveadm auth test x Y`) that is none:
 * isBenignValue's words, masks and references, a redaction placeholder, `<usage>` text, a variable or a command's
 * output (`$PW`, `${PW}`, `$(cat f)`, `%PW%`), a mask (`****`). A hash's scheme between dollars (`$sha512$…`, `$9$…`) is a value.
 */
export function notAValue(v: string): boolean {
  return isBenignValue(v) || PLACEHOLDER_PATTERN.test(v) || /^(?:\$(?!\w{1,12}\$)[\w{(]|%\w+%|<[^<>]*>|\*+$)/.test(v);
}

/**
 * Session 19 (fp20): a signing scheme named after a vendor and its algorithms (Tencent Cloud `TC3-HMAC-SHA256 Credential=…`,
 * WeChat Pay `WECHATPAY2-SHA256-RSA2048 mchid=…`, Aliyun `ACS3-HMAC-SHA256`, Huawei `SDK-HMAC-SHA256`, Akamai `EG1-HMAC-SHA256`):
 * the word before the parameters names how they are signed, as `AWS4-HMAC-SHA256` does; the credential and the signature are
 * parameters, judged on their own (auth-header keeps the scheme; an `Authorization` value that is the scheme and its
 * parameters is no one secret).
 */
export const SIGNING_SCHEME = String.raw`[a-z][a-z0-9]{0,15}(?:-[a-z0-9]{1,16}){0,3}-(?:hmac-)?(?:sha\d{1,3}|sm3|md5)(?:-[a-z0-9]{1,16}){0,2}`;
const SIGNING_SCHEME_VALUE = new RegExp(`^${SIGNING_SCHEME}$`, 'i');
/** `TC3-HMAC-SHA256 Credential=…, Signature=…`: a signing scheme and its `name=value` parameters. */
export const SIGNED_PARAMETERS = new RegExp(String.raw`^${SIGNING_SCHEME}[ \t]+[A-Za-z_][\w-]*=`, 'i');

/**
 * Session 19 (fp20): a public key's fingerprint as OpenSSH prints it (`"ssh_key":"SHA256:nThbg6kX…"`, `ssh-keygen -l`'s
 * `SHA256:…` or `MD5:9f:2c:…`): a digest of a key anyone may see, which names the key and opens nothing.
 */
const KEY_FINGERPRINT = /^(?:SHA(?:1|256|384|512):[A-Za-z0-9+/]{27,86}={0,2}|MD5:(?:[0-9a-f]{2}:){15}[0-9a-f]{2})$/i;

// Characters of a key name, as the secret-assignment gate extends a key word (rule-validators.ts).
const isKeyChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45 || (c >= 0x4e00 && c <= 0x9fa5);
const isBlank = (c: number) => c === 32 || c === 9;

/**
 * The prefilter's wake for a key word at [start, end) of `text` (secret-assignment's `placed`
 * words): true unless the name it is part of is neither placed like an assigned key nor named like
 * a secret. It must hold on every line the rule's gate passes and its patterns act on, so it is a
 * looser copy of the gate, read in the text around the word only:
 * - placed: followed by a quote, `\`, `&` (`&quot;`), `]`, `<`, or by blanks and one of `=` `:`
 *   `：` `>` or a quote; after `<`, `:` (`<ns:Password …>`), `>` (`<key>SyncToken</key>`) or
 *   `name:` (Kubernetes env); a `--flag` before a blank; and then `isSecretKey`, the gate's verdict;
 * - always: next to a `\` (JSON escapes are masked for the rules, formats.ts) and a name starting
 *   a line followed by two blanks (an environment table, which the gate lets through by shape).
 * `auth.session pid=1`, `keys=12` and `token_type=Bearer` wake nothing.
 */
export function wakesAssignedKey(text: string, start: number, end: number): boolean {
  let s = start;
  while (s > 0 && isKeyChar(text.charCodeAt(s - 1))) s -= 1;
  let e = end;
  while (e < text.length && isKeyChar(text.charCodeAt(e))) e += 1;
  const before = text.charCodeAt(s - 1);
  if (before === 92 || text.charCodeAt(s - 2) === 92) return true;
  const after = text.charCodeAt(e);
  if ((s === 0 || before === 10) && isBlank(after) && isBlank(text.charCodeAt(e + 1))) return true;
  // `password <value>` with a blank: .netrc (`machine h login u password p`), an indented
  // `password p`, .rdp's `password 51:b:…` — the gate's SPECIAL_FORMS.
  if (isBlank(after) && e - s === 8 && text.slice(s, e).toLowerCase() === 'password') return true;
  // `requirepass x` (a directive starting its line) and redis' `CONFIG SET requirepass x`.
  if (isBlank(after) && (directiveStart(text, s) || configSetBefore(text, s)) && isSecretKey(text.slice(s, e), 'assignment')) return true;
  return placedKey(text, s, e, before, after) && isSecretKey(text.slice(s, e), 'assignment');
}

const CONFIG_SET_BEFORE = /config[ \t]+set[ \t]+$/i;

/**
 * `/config[ \t]+set[ \t]+$/i` on the 16 characters before `s`. Asked for every key word followed by a
 * blank (`auth.session pid=1` in every log line of that module): the regex runs only where a blank
 * and `set` end the window, which it needs to match anyway (a slice and a regex per word saved).
 */
function configSetBefore(text: string, s: number): boolean {
  const from = Math.max(0, s - 16);
  let k = s - 1;
  if (k < from || !isBlank(text.charCodeAt(k))) return false;
  while (k >= from && isBlank(text.charCodeAt(k))) k -= 1;
  // `set` (any case) must end at k, inside the window.
  if (k - 2 < from || (text.charCodeAt(k) | 0x20) !== 0x74 || (text.charCodeAt(k - 1) | 0x20) !== 0x65 || (text.charCodeAt(k - 2) | 0x20) !== 0x73) return false;
  return CONFIG_SET_BEFORE.test(text.slice(from, s));
}

/** Only blanks between the start of the line and `s`. */
function directiveStart(text: string, s: number): boolean {
  let k = s - 1;
  while (k >= 0 && isBlank(text.charCodeAt(k))) k -= 1;
  return k < 0 || text.charCodeAt(k) === 10;
}

function placedKey(text: string, s: number, e: number, before: number, after: number): boolean {
  // `<` `:` `>` before; `"` `'` `` ` `` `\` `&` `]` `<` after.
  if (before === 60 || before === 58 || before === 62) return true;
  if (after === 34 || after === 39 || after === 96 || after === 92 || after === 38 || after === 93 || after === 60) return true;
  if (text.charCodeAt(s) === 45 && isBlank(after)) return true;
  let j = e;
  while (isBlank(text.charCodeAt(j))) j += 1;
  const c = text.charCodeAt(j);
  // `=` `:` `>` `"` `'` `：`
  if (c === 61 || c === 58 || c === 62 || c === 34 || c === 39 || c === 0xff1a) return true;
  // `name: DB_PASSWORD` (Kubernetes env): the value is on the next line.
  let k = s - 1;
  if (before === 34 || before === 39) k -= 1;
  while (isBlank(text.charCodeAt(k))) k -= 1;
  return text.charCodeAt(k) === 58 && text.slice(Math.max(0, k - 4), k).toLowerCase() === 'name';
}
