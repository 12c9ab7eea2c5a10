/**
 * The support agent's signed link:
 *
 *   diagcollect://collect?ticket=12345&target=redmine&url=https://redmine.example.com&exp=1767225600&kid=…&sig=…
 *
 * `sig` is an Ed25519 signature (base64url) over a canonical payload that holds every other
 * parameter, the ticket included: a link made for ticket 12345 cannot be replayed for 12346,
 * pointed at another server or given a longer life without the signature failing. The app
 * trusts only the public keys in policy `linkSigning.publicKeys`, and uploads only to hosts the
 * policy allows. A link never does more than prefill the ticket and choose where the archive
 * goes; the user still sees what is collected and starts it.
 *
 * Syntax follows `shared/deep-link.ts` (the UI's parser for the unsigned ticket link): the same
 * scheme and length limit, no user/port/fragment, no percent-encoding at all (every value we
 * sign is made of characters that need none), each parameter at most once.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { DEEP_LINK_MAX_LENGTH, DEEP_LINK_SCHEME, LINK_PROBLEM_PARAM, linkProblemType } from '../../../shared/deep-link.js';
import { checkTicketId } from '../../../shared/naming.js';
import { ServerUrlSchema, UPLOAD_TARGETS, type Policy, type UploadTarget } from '../../../shared/policy.js';
import { ProblemTypeSchema, type LocalizedText, type ProblemType } from '../../../shared/types.js';
import { hostAllowed } from '../upload/http.js';
import { keyId, parsePublicKey } from './keys.js';

const PAYLOAD_VERSION = 'diagcollect-link/1';
const PARAMS = ['ticket', 'target', 'url', LINK_PROBLEM_PARAM, 'exp', 'kid', 'sig'] as const;
/** A server URL that needs no percent-encoding inside a query: scheme, host, port, plain path. */
const LINK_SERVER_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~/-]*)?$/;
/** The longest link life `diagcollect link --expires` accepts (policy may allow less). */
export const MAX_LINK_LIFETIME_HOURS = 24 * 30;

export interface LinkFields {
  ticket: string;
  /** Upload target the archive goes to; unset: the policy's `upload.target`. */
  target?: UploadTarget;
  /** Server base URL for the target; unset: the policy's URL for that target. */
  url?: string;
  /** Expiry, seconds since 1970 (UTC). */
  exp: number;
  /** The problem type the agent presets (the user can still change it). */
  problemType?: ProblemType;
}

export type LinkError =
  | 'too-long'
  | 'malformed'
  | 'scheme'
  | 'unknown-action'
  | 'extra-params'
  | 'missing-ticket'
  | 'bad-ticket'
  | 'bad-target'
  | 'bad-problem'
  | 'not-signed'
  | 'no-trusted-keys'
  | 'unknown-key'
  | 'tampered'
  | 'expired'
  | 'lifetime-too-long'
  | 'host-not-allowed'
  | 'target-not-configured';

export type LinkVerification =
  | { ok: true; ticket: string; target?: UploadTarget; url?: string; problemType?: ProblemType; expiresAt: Date; keyId: string }
  | { ok: false; error: LinkError; reason: LocalizedText };

const refuse = (error: LinkError, zh: string, en: string): LinkVerification => ({ ok: false, error, reason: { 'zh-CN': `已拒绝该链接：${zh}`, en: `The link was refused: ${en}` } });

/** The bytes that are signed: fixed order, one field per line, empty for an absent field. */
export function canonicalPayload(fields: LinkFields & { kid: string }): Buffer {
  const lines = [PAYLOAD_VERSION, 'collect', `ticket=${fields.ticket}`, `target=${fields.target ?? ''}`, `url=${fields.url ?? ''}`, `exp=${fields.exp}`, `kid=${fields.kid}`];
  // Only when present, so links signed before the field existed still verify.
  if (fields.problemType) lines.push(`${LINK_PROBLEM_PARAM}=${fields.problemType}`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** Checks the fields a link may carry; the message says what is wrong (InputError text for the CLI). */
export function linkFieldProblem(fields: LinkFields): string | undefined {
  const t = checkTicketId(fields.ticket);
  if (!t.ok) return t.reason;
  if (fields.target !== undefined && !(UPLOAD_TARGETS as readonly string[]).includes(fields.target)) return `unknown upload target "${fields.target}": use one of ${UPLOAD_TARGETS.join(', ')}`;
  if (fields.url !== undefined) {
    if (fields.target === undefined || fields.target === 'outbox') return 'a server URL needs an upload target (redmine or rt)';
    if (!LINK_SERVER_URL.test(fields.url)) return `the server URL "${fields.url}" must be scheme, host, optional port and a plain path (no query, user, fragment or %-escapes), e.g. https://redmine.example.com`;
    const check = ServerUrlSchema.safeParse(fields.url);
    if (!check.success) return `the server URL ${check.error.issues[0]?.message ?? 'is not valid'}`;
  }
  if (fields.problemType !== undefined && !ProblemTypeSchema.safeParse(fields.problemType).success) return `unknown problem type "${String(fields.problemType)}": use one of ${ProblemTypeSchema.options.join(', ')}`;
  if (!Number.isInteger(fields.exp) || fields.exp <= 0) return 'the expiry must be a time in the future';
  return undefined;
}

/** Builds and signs a link. Throws an Error when a field is not valid. */
export function createSignedLink(fields: LinkFields, privateKey: KeyObject, publicKey: KeyObject): string {
  const problem = linkFieldProblem(fields);
  if (problem) throw new Error(problem);
  const kid = keyId(publicKey);
  const sig = sign(null, canonicalPayload({ ...fields, kid }), privateKey).toString('base64url');
  const params: string[] = [`ticket=${fields.ticket}`];
  if (fields.target) params.push(`target=${fields.target}`);
  if (fields.url) params.push(`url=${fields.url}`);
  if (fields.problemType) params.push(`${LINK_PROBLEM_PARAM}=${fields.problemType}`);
  params.push(`exp=${fields.exp}`, `kid=${kid}`, `sig=${sig}`);
  const link = `${DEEP_LINK_SCHEME}://collect?${params.join('&')}`;
  if (link.length > DEEP_LINK_MAX_LENGTH) throw new Error(`the link would be ${link.length} characters long; at most ${DEEP_LINK_MAX_LENGTH} are accepted (use a shorter server URL or leave it to policy)`);
  return link;
}

function formatAgo(ms: number, lang: 'zh-CN' | 'en'): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return lang === 'zh-CN' ? `${minutes} 分钟` : `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 72) return lang === 'zh-CN' ? `${hours} 小时` : `${hours} h`;
  return lang === 'zh-CN' ? `${Math.round(hours / 24)} 天` : `${Math.round(hours / 24)} days`;
}

/** The server URL the policy configures for a target, if any. */
function policyUrl(policy: Policy, target: UploadTarget): string | undefined {
  if (target === 'redmine') return policy.upload.redmine?.url;
  if (target === 'rt') return policy.upload.rt?.url;
  return undefined;
}

/**
 * Verifies a link against the policy at time `now`. Never throws; a refusal says precisely why
 * (in both languages), so the user and the agent know what to fix.
 */
export function verifyLink(raw: unknown, policy: Policy, now: Date): LinkVerification {
  if (typeof raw !== 'string') return refuse('malformed', '不是链接', 'it is not a link');
  if (raw.length > DEEP_LINK_MAX_LENGTH) return refuse('too-long', `链接过长（${raw.length} 个字符，最多 ${DEEP_LINK_MAX_LENGTH}）`, `it is too long (${raw.length} characters, at most ${DEEP_LINK_MAX_LENGTH})`);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return refuse('malformed', '链接中含有空格或控制字符', 'it contains spaces or control characters');
  if (raw.includes('%')) return refuse('malformed', '链接中含有编码字符（%）', 'it contains %-escapes, which a support link never has');
  if (!URL.canParse(raw)) return refuse('malformed', '链接格式不正确', 'it is not a well-formed link');
  const url = new URL(raw);
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return refuse('scheme', `不是 ${DEEP_LINK_SCHEME}:// 链接`, `it is not a ${DEEP_LINK_SCHEME}:// link`);
  if (url.username || url.password || url.port || url.hash) return refuse('malformed', '链接中含有多余的部分', 'it has parts a support link never has');
  if (url.hostname !== 'collect' || (url.pathname !== '' && url.pathname !== '/')) return refuse('unknown-action', '未知的操作（只支持 collect）', 'unknown action (only "collect" is supported)');

  const values = new Map<string, string>();
  for (const [k, v] of url.searchParams) {
    if (!(PARAMS as readonly string[]).includes(k)) return refuse('extra-params', `链接中含有未知参数“${k}”`, `it has an unknown parameter "${k}"`);
    if (values.has(k)) return refuse('extra-params', `参数“${k}”出现了不止一次`, `the parameter "${k}" appears more than once`);
    values.set(k, v);
  }
  const ticket = values.get('ticket');
  if (!ticket) return refuse('missing-ticket', '链接中没有工单号', 'it has no ticket number');
  const ticketCheck = checkTicketId(ticket);
  if (!ticketCheck.ok) return refuse('bad-ticket', '工单号格式不正确', `the ticket number is not valid (${ticketCheck.reason})`);
  const target = values.get('target');
  if (target !== undefined && !(UPLOAD_TARGETS as readonly string[]).includes(target)) return refuse('bad-target', `未知的上传目标“${target}”`, `unknown upload target "${target}"`);
  const serverUrl = values.get('url');
  if (serverUrl !== undefined && (!LINK_SERVER_URL.test(serverUrl) || !ServerUrlSchema.safeParse(serverUrl).success || target === undefined || target === 'outbox')) {
    return refuse('bad-target', '链接中的服务器地址无效', `the server address "${serverUrl}" is not valid (it needs https:// and a redmine or rt target)`);
  }
  const problemText = values.get(LINK_PROBLEM_PARAM);
  const problemType = problemText === undefined ? undefined : linkProblemType(problemText);
  if (problemText !== undefined && !problemType) return refuse('bad-problem', `未知的问题类型“${problemText}”`, `unknown problem type "${problemText}" (use ${ProblemTypeSchema.options.join(', ')})`);
  const expText = values.get('exp');
  const kid = values.get('kid');
  const sig = values.get('sig');
  if (!sig || !kid || !expText) return refuse('not-signed', '链接没有签名（请向技术支持索取新链接）', 'it is not signed (ask support for a new link)');
  if (!/^\d{1,12}$/.test(expText)) return refuse('malformed', '有效期格式不正确', 'its expiry is not a time');
  if (!/^[A-Za-z0-9_-]{11}$/.test(kid) || !/^[A-Za-z0-9_-]{86}$/.test(sig)) return refuse('malformed', '签名格式不正确', 'its signature is not well-formed');

  const trusted = (policy.linkSigning?.publicKeys ?? []).flatMap((text) => {
    try {
      return [parsePublicKey(text)];
    } catch {
      return [];
    }
  });
  if (trusted.length === 0) return refuse('no-trusted-keys', '本机策略中没有配置链接签名公钥（linkSigning.publicKeys），无法验证链接', "this computer's policy has no link-signing key (linkSigning.publicKeys), so no link can be verified");
  const key = trusted.find((k) => keyId(k) === kid);
  if (!key) return refuse('unknown-key', `链接由未受信任的密钥签名（密钥 ${kid}）`, `it was signed by a key this computer does not trust (key id ${kid}; trusted: ${trusted.map(keyId).join(', ')})`);

  const fields: LinkFields = { ticket, exp: Number(expText), ...(target ? { target: target as UploadTarget } : {}), ...(serverUrl ? { url: serverUrl } : {}), ...(problemType ? { problemType } : {}) };
  const signatureOk = verify(null, canonicalPayload({ ...fields, kid }), key, Buffer.from(sig, 'base64url'));
  if (!signatureOk) return refuse('tampered', '签名与链接内容不符：链接在签发后被修改过（例如工单号被改动）', 'the signature does not match its contents: the link was changed after it was signed (for example its ticket number)');

  const expiresAt = new Date(fields.exp * 1000);
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return refuse('expired', `链接已于 ${expiresAt.toISOString()} 过期（${formatAgo(-left, 'zh-CN')}前）`, `it expired at ${expiresAt.toISOString()} (${formatAgo(-left, 'en')} ago); ask support for a new link`);
  const maxHours = policy.linkSigning?.maxLifetimeHours ?? MAX_LINK_LIFETIME_HOURS;
  if (left > maxHours * 3_600_000) return refuse('lifetime-too-long', `链接有效期过长（超过策略允许的 ${maxHours} 小时）`, `it is valid for longer than the ${maxHours} h the policy allows (linkSigning.maxLifetimeHours)`);

  const effectiveTarget = fields.target ?? policy.upload.target;
  if (effectiveTarget !== 'outbox') {
    const configured = policyUrl(policy, effectiveTarget);
    const destination = fields.url ?? configured;
    if (!destination) return refuse('target-not-configured', `本机策略中没有配置上传目标 ${effectiveTarget} 的服务器地址`, `it uploads to ${effectiveTarget}, but this computer's policy has no upload.${effectiveTarget}.url`);
    const host = new URL(destination).hostname;
    const allowed = policy.upload.allowedHosts;
    if (allowed) {
      if (!hostAllowed(host, allowed)) return refuse('host-not-allowed', `链接要求上传到 ${host}，但本机策略不允许该主机（upload.allowedHosts）`, `it sends the archive to ${host}, which this computer's policy does not allow (upload.allowedHosts: ${allowed.join(', ') || 'empty'})`);
    } else if (fields.url && (!configured || new URL(configured).hostname.toLowerCase() !== host.toLowerCase())) {
      // Without an allow-list a link may only name the server the policy already names.
      return refuse('host-not-allowed', `链接要求上传到 ${host}，但本机策略没有允许该主机`, `it sends the archive to ${host}, but this computer's policy allows no host besides ${configured ? new URL(configured).hostname : 'none'} (set upload.allowedHosts)`);
    }
  }
  return { ok: true, ticket: ticketCheck.ticket, ...(fields.target ? { target: fields.target } : {}), ...(fields.url ? { url: fields.url } : {}), ...(problemType ? { problemType } : {}), expiresAt, keyId: kid };
}

/** The policy a verified link runs with: its target (and server URL) replace the policy's. */
export function policyForLink(policy: Policy, link: { target?: UploadTarget; url?: string }): Policy {
  if (!link.target) return policy;
  const upload = { ...policy.upload, target: link.target };
  if (link.url && link.target === 'redmine') upload.redmine = { ...policy.upload.redmine, url: link.url };
  if (link.url && link.target === 'rt') upload.rt = { mode: 'comment', ...policy.upload.rt, url: link.url };
  return { ...policy, upload };
}
