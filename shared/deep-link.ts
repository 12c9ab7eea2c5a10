/**
 * `diagcollect://collect?ticket=12345`: the link a support agent sends so the app opens with the
 * ticket filled in. A link comes from outside (a mail, a chat, a web page), so it is parsed
 * strictly and anything unexpected is refused with a message the user sees: an unknown action,
 * extra or repeated parameters, a bad ticket id, a very long link, percent-encoded path
 * separators or dots, user/port/fragment parts. A link never does more than prefill the form.
 */
import { checkTicketId } from './naming.js';
import { ProblemTypeSchema, type LocalizedText, type ProblemType } from './types.js';

export const DEEP_LINK_SCHEME = 'diagcollect';
/** Longer than any ticket link we produce; a longer one is refused before it is parsed. */
export const DEEP_LINK_MAX_LENGTH = 512;

export type DeepLinkError = 'too-long' | 'malformed' | 'scheme' | 'unknown-action' | 'encoded-separator' | 'extra-params' | 'missing-ticket' | 'bad-ticket';

export type DeepLink = { ok: true; action: 'collect'; ticket: string } | { ok: false; error: DeepLinkError; reason: LocalizedText };

const refuse = (error: DeepLinkError, zh: string, en: string): DeepLink => ({
  ok: false,
  error,
  reason: { 'zh-CN': `已拒绝打开链接：${zh}`, en: `The link was refused: ${en}` },
});

/** Parses a `diagcollect://` link; never throws. */
export function parseDeepLink(raw: unknown): DeepLink {
  if (typeof raw !== 'string') return refuse('malformed', '不是链接', 'it is not a link');
  if (raw.length > DEEP_LINK_MAX_LENGTH) return refuse('too-long', `链接过长（${raw.length} 个字符，最多 ${DEEP_LINK_MAX_LENGTH}）`, `it is too long (${raw.length} characters, at most ${DEEP_LINK_MAX_LENGTH})`);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return refuse('malformed', '链接中含有空格或控制字符', 'it contains spaces or control characters');
  // Encoded `/`, `\`, `.` and `%` itself (double encoding) have no business in a ticket link.
  if (/%(2f|5c|2e|25|00)/i.test(raw)) return refuse('encoded-separator', '链接中含有编码的路径分隔符', 'it contains an encoded path separator');
  if (!URL.canParse(raw)) return refuse('malformed', '链接格式不正确', 'it is not a well-formed link');
  const url = new URL(raw);
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return refuse('scheme', `不是 ${DEEP_LINK_SCHEME}:// 链接`, `it is not a ${DEEP_LINK_SCHEME}:// link`);
  if (url.username || url.password || url.port || url.hash) return refuse('malformed', '链接中含有多余的部分', 'it has parts a ticket link never has');
  if (url.hostname !== 'collect' || (url.pathname !== '' && url.pathname !== '/')) {
    return refuse('unknown-action', '未知的操作（只支持 collect）', 'unknown action (only "collect" is supported)');
  }
  const keys = [...url.searchParams.keys()];
  if (keys.some((k) => k !== 'ticket') || keys.length > 1) return refuse('extra-params', '链接中含有多余的参数（只允许 ticket）', 'it has parameters other than one "ticket"');
  const ticket = url.searchParams.get('ticket');
  if (ticket === null || ticket === '') return refuse('missing-ticket', '链接中没有工单号', 'it has no ticket number');
  const check = checkTicketId(ticket);
  if (!check.ok) return refuse('bad-ticket', '工单号格式不正确', `the ticket number is not valid (${check.reason})`);
  return { ok: true, action: 'collect', ticket: check.ticket };
}

/**
 * `problem=connection|malfunction|slow|other`: the problem type a signed support link presets
 * (the agent's triage, issue 18). Only signed links carry it (electron/engine/link/signed-link.ts);
 * the plain ticket link above still prefills the ticket and nothing else.
 */
export const LINK_PROBLEM_PARAM = 'problem';

/** The problem type a link parameter names, or undefined when it names none. */
export function linkProblemType(value: string): ProblemType | undefined {
  const parsed = ProblemTypeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The `diagcollect:` argument in a command line (Windows and Linux pass the link as an argument). */
export function findDeepLinkArgument(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
}
