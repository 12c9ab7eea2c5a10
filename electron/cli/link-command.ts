/**
 * `diagcollect link`: what a support agent sends during a remote session.
 *
 *   diagcollect link keygen [--out FILE]                 a key pair; prints the public key for policy
 *   diagcollect link --ticket 12345 --key FILE [--target redmine] [--target-url URL] [--expires 24h]
 *
 * prints (a) the signed `diagcollect://collect?…` link, (b) the download link of the portable
 * build named for the ticket (policy `distribution.downloadUrl`, or `--download-url`), and (c) the
 * e-mail or chat text with the subject `【技术支持】12345` and numbered steps, in Chinese and English.
 */
import { Option, type Command } from 'commander';
import { cliTranslator, policyProblemText } from './cli-i18n.js';
import { createPublicKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ARCHIVE_LANGUAGES, type ArchiveLanguage } from '../../shared/naming.js';
import { ServerUrlSchema, UPLOAD_TARGETS, type UploadTarget } from '../../shared/policy.js';
import { ProblemTypeSchema, type ProblemType } from '../../shared/types.js';
import { EXIT, InputError } from '../engine/errors.js';
import { agentMessage } from '../engine/link/agent-message.js';
import { downloadLink } from '../engine/link/executable-name.js';
import { generateLinkKeyPair, keyId, readPrivateKeyFile } from '../engine/link/keys.js';
import { createSignedLink, linkFieldProblem, MAX_LINK_LIFETIME_HOURS } from '../engine/link/signed-link.js';
import { formatProblem, loadEffectivePolicy } from '../engine/policy/effective.js';
import { parseDuration } from '../engine/session.js';
import type { CliIo } from './main.js';

interface LinkFlags {
  ticket?: string;
  key?: string;
  target?: string;
  targetUrl?: string;
  expires: string;
  downloadUrl?: string;
  policy?: string;
  json?: boolean;
  lang?: ArchiveLanguage;
  problem?: string;
}

export function registerLinkCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const link = program
    .command('link')
    .description(cliTranslator(io).t('cli.help.link'))
    .option('-t, --ticket <id>', 'ticket id, e.g. 12345')
    .option('--key <file>', 'your private link-signing key (PEM, from `diagcollect link keygen`)')
    .addOption(new Option('--target <target>', 'where the archive is uploaded (default: the user\'s policy)').choices(UPLOAD_TARGETS as unknown as string[]))
    .option('--target-url <url>', 'server of the target, e.g. https://redmine.example.com (must be allowed by the user\'s policy)')
    .addOption(new Option('--problem <type>', cliTranslator(io).t('cli.help.link.problem')).choices(ProblemTypeSchema.options))
    .option('--expires <duration>', `how long the link is valid: 90m, 24h, 7d (at most ${MAX_LINK_LIFETIME_HOURS / 24}d)`, '24h')
    .option('--download-url <url>', 'download address of the portable build (default: policy distribution.downloadUrl); {ticket} is replaced')
    .option('--policy <file>', 'JSON policy file (distribution.downloadUrl)')
    .addOption(new Option('--lang <lang>', 'language of the message (default: both)').choices(ARCHIVE_LANGUAGES as string[]))
    .option('--json', 'print JSON')
    .action(async (flags: LinkFlags) => {
      setExit(await makeLink(flags, io));
    });

  link
    .command('keygen')
    .description(cliTranslator(io).t('cli.help.link.keygen'))
    .option('-o, --out <file>', 'where to write the private key (never overwritten)', 'diagcollect-link.key')
    .option('--json', 'print JSON')
    .action(async (_flags: unknown, cmd: Command) => {
      // --json may land on `link` itself (commander reads a parent's options anywhere on the line).
      const flags = cmd.optsWithGlobals<{ out: string; json?: boolean }>();
      const file = resolve(flags.out);
      const pair = generateLinkKeyPair();
      try {
        await writeFile(file, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw InputError.coded('key-exists', { path: file }, `${file} already exists; a key is never overwritten (choose another --out)`);
        throw InputError.coded('key-write', { path: file, cause: code ?? (err as Error).message }, `cannot write ${file}: ${code ?? (err as Error).message}`);
      }
      if (flags.json) {
        io.stdout.write(`${JSON.stringify({ ok: true, privateKeyFile: file, publicKey: pair.publicKeyBase64, publicKeyPem: pair.publicKeyPem, keyId: pair.keyId })}\n`);
      } else {
        io.stdout.write(`Private key: ${file} (keep it with support; readable only by you)\n`);
        io.stdout.write(`Key id:      ${pair.keyId}\n`);
        io.stdout.write(`Public key:  ${pair.publicKeyBase64}\n\n`);
        io.stdout.write(`Put the public key into the policy of the computers that should accept your links:\n`);
        io.stdout.write(`  ${JSON.stringify({ linkSigning: { publicKeys: [pair.publicKeyBase64] } })}\n`);
      }
      setExit(EXIT.ok);
    });
}

async function makeLink(flags: LinkFlags, io: CliIo): Promise<number> {
  if (!flags.ticket) throw InputError.coded('link-ticket-required', {}, '--ticket is required, e.g. diagcollect link --ticket 12345 --key diagcollect-link.key');
  if (!flags.key) throw InputError.coded('link-key-required', {}, '--key is required: your private link-signing key (create one with `diagcollect link keygen`)');
  const hours = parseDuration(flags.expires) / 3_600_000;
  if (hours <= 0) throw InputError.coded('link-expires-zero', { value: flags.expires }, `--expires ${flags.expires}: a link must be valid for some time, e.g. 24h`);
  if (hours > MAX_LINK_LIFETIME_HOURS) throw InputError.coded('link-expires-long', { value: flags.expires, days: String(MAX_LINK_LIFETIME_HOURS / 24) }, `--expires ${flags.expires} is too long: a link is valid for at most ${MAX_LINK_LIFETIME_HOURS / 24} days`);
  const now = Date.now();
  const fields = {
    ticket: flags.ticket,
    exp: Math.floor(now / 1000 + hours * 3600),
    ...(flags.target ? { target: flags.target as UploadTarget } : {}),
    ...(flags.targetUrl ? { url: flags.targetUrl.replace(/\/+$/, '') } : {}),
    ...(flags.problem ? { problemType: flags.problem as ProblemType } : {}),
  };
  const problem = linkFieldProblem(fields);
  if (problem) throw InputError.coded('link-fields', {}, problem);
  const privateKey = await readPrivateKeyFile(flags.key);
  const publicKey = createPublicKey(privateKey);
  let signed: string;
  try {
    signed = createSignedLink(fields, privateKey, publicKey);
  } catch (err) {
    throw InputError.coded('link-fields', {}, (err as Error).message);
  }

  const effective = await loadEffectivePolicy({ env: io.env, ...(flags.policy ? { policyFile: flags.policy, strictPolicyFile: true } : {}) });
  for (const p of effective.problems) if (!flags.json) io.stderr.write(`diagcollect: ${policyProblemText(cliTranslator(io), p, formatProblem(p))}\n`);
  let base = flags.downloadUrl;
  if (base) {
    const check = ServerUrlSchema.safeParse(base);
    if (!check.success) throw InputError.coded('link-download-url', { value: base }, `--download-url ${check.error.issues[0]?.message ?? 'is not valid'}`);
  } else {
    base = effective.policy.distribution?.downloadUrl;
  }
  // The message promises an upload only when the archive really goes to a ticket system.
  const target = flags.target ?? effective.policy.upload.target;
  const delivery = target === 'outbox' ? 'draft' : 'upload';
  const download = base ? downloadLink(base, fields.ticket) : undefined;
  const expiresAt = new Date(fields.exp * 1000);
  const message = agentMessage({ ticket: fields.ticket, link: signed, ...(download ? { downloadUrl: download } : {}), expiresAt, delivery });

  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ ok: true, ticket: fields.ticket, link: signed, keyId: keyId(publicKey), expiresAt: expiresAt.toISOString(), target, ...(download ? { downloadUrl: download } : {}), email: message })}\n`);
    return EXIT.ok;
  }
  const out: string[] = [];
  out.push(`Ticket:   ${fields.ticket}`, `Expires:  ${expiresAt.toISOString()} (in ${flags.expires})`, '');
  out.push(`Link for users who have the app (signed with key ${keyId(publicKey)}):`, `  ${signed}`, '');
  out.push('Download for users without the app (the file name carries the ticket):');
  out.push(download ? `  ${download}` : '  (none: set distribution.downloadUrl in policy, or pass --download-url)', '');
  out.push(`Message to send — subject: ${message.subject}`);
  const langs: ArchiveLanguage[] = flags.lang ? [flags.lang] : ['zh-CN', 'en'];
  for (const lang of langs) out.push(`---- ${lang === 'zh-CN' ? '中文' : 'English'} ----`, message.body[lang]);
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
