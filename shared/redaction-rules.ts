/**
 * The codes of the built-in redaction rules — what manifests, previews and reports count
 * replacements by — and their display names. The engine (electron/engine/redact/rules.ts) must
 * define exactly these ids (a conformance test checks it); IT policy rules add their own ids.
 * The names are one small table so they can move into the shared message catalogue as they are.
 */
import { z } from 'zod';
import type { ArchiveLanguage } from './naming.js';

export const REDACTION_RULE_IDS = [
  'private-key',
  'url-credentials',
  'connection-string',
  'cloud-key',
  'auth-header',
  'jwt',
  'url-secret-param',
  'secret-assignment',
  'high-entropy',
  'email',
  'cn-id',
  'payment-card',
  'phone',
  'passport',
  'travel-permit',
  'home-user',
  'windows-sid',
  'ipv4-public',
  'ipv6-public',
  'mac-address',
  'hostname',
  'known-value',
] as const;

export const RedactionRuleIdSchema = z.enum(REDACTION_RULE_IDS);
export type RedactionRuleId = z.infer<typeof RedactionRuleIdSchema>;

/** What each rule hides, as a reader of the preview or the report would call it. */
export const REDACTION_RULE_NAMES: Record<RedactionRuleId, Record<ArchiveLanguage, string>> = {
  'private-key': { 'zh-CN': '私钥', en: 'private key' },
  'url-credentials': { 'zh-CN': '网址中的账号密码', en: 'password in a URL' },
  'connection-string': { 'zh-CN': '数据库连接密码', en: 'database password' },
  'cloud-key': { 'zh-CN': '云服务密钥', en: 'cloud or service key' },
  'auth-header': { 'zh-CN': '登录凭据', en: 'login credential' },
  jwt: { 'zh-CN': '访问令牌', en: 'access token' },
  'url-secret-param': { 'zh-CN': '网址中的令牌', en: 'token in a URL' },
  'secret-assignment': { 'zh-CN': '密码', en: 'password' },
  'high-entropy': { 'zh-CN': '密钥', en: 'secret key' },
  email: { 'zh-CN': '邮箱', en: 'e-mail address' },
  'cn-id': { 'zh-CN': '身份证号', en: 'ID card number' },
  'payment-card': { 'zh-CN': '银行卡号', en: 'card number' },
  phone: { 'zh-CN': '手机号', en: 'phone number' },
  passport: { 'zh-CN': '护照号', en: 'passport number' },
  'travel-permit': { 'zh-CN': '通行证号', en: 'travel permit number' },
  'home-user': { 'zh-CN': '用户名', en: 'user name' },
  'windows-sid': { 'zh-CN': 'Windows 账户标识', en: 'Windows account ID' },
  'ipv4-public': { 'zh-CN': '公网 IP 地址', en: 'public IP address' },
  'ipv6-public': { 'zh-CN': '公网 IPv6 地址', en: 'public IPv6 address' },
  'mac-address': { 'zh-CN': 'MAC 地址', en: 'MAC address' },
  hostname: { 'zh-CN': '主机名', en: 'host name' },
  'known-value': { 'zh-CN': '本机用户名', en: "this computer's user name" },
};

/** The display name of a rule id; an IT policy rule (not built in) is shown by its own id. */
export function redactionRuleName(id: string, lang: ArchiveLanguage): string {
  const parsed = RedactionRuleIdSchema.safeParse(id);
  return parsed.success ? REDACTION_RULE_NAMES[parsed.data][lang] : id;
}

/** Counts per rule as display rows, most frequent first: `[{ id, name, count }]`. */
export function redactionCountRows(counts: Record<string, number>, lang: ArchiveLanguage): { id: string; name: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => ({ id, name: redactionRuleName(id, lang), count }));
}
