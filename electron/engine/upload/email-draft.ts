import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import { emailSubject, type ArchiveLanguage } from '../../../shared/naming.js';
import { formatDateTime, formatSize } from '../../../shared/i18n/format.js';
import { reasonFor, translator } from '../../../shared/i18n/translate.js';
import type { Manifest } from '../../../shared/types.js';

export interface DraftInput {
  /** Stops the write (the run's deadline, a cancel): the temp file is removed and nothing is published. */
  signal?: AbortSignal;
  ticket: string;
  lang: ArchiveLanguage;
  archivePath: string;
  archiveName: string;
  archiveBytes: number;
  archiveSha256: string;
  manifest: Manifest;
  /** Entries in the zip (report/figures.ts); default: the manifest's items and the generated entries. */
  entries?: number;
  /** Support's address from policy; empty leaves To: for the user to fill in. */
  to?: string;
  /** The largest message the draft may be with the archive attached (default {@link EMAIL_MESSAGE_LIMIT_BYTES}). */
  maxMessageBytes?: number;
}

/**
 * Mail servers commonly refuse a message over 25 MB (Gmail, Exchange Online's default, most
 * hosted mail); the archive travels base64-encoded, 4/3 its size plus line breaks. Past this the
 * draft names the archive's path instead of carrying it (a 200 MB archive made a 274 MB .eml
 * that no server would take), and the user uploads it or sends it another way.
 */
export const EMAIL_MESSAGE_LIMIT_BYTES = 25_000_000;

/** A message limit as mail providers state it: decimal megabytes (`25 MB`). */
export function mailMegabytes(limit: number = EMAIL_MESSAGE_LIMIT_BYTES): string {
  return `${Math.floor(limit / 1_000_000)} MB`;
}

/** Room for the headers and the body beside the attachment. */
const MESSAGE_OVERHEAD_BYTES = 64 * 1024;

/** Whether an archive of `bytes` fits in a draft of at most `limit` bytes once base64-encoded (76-character lines). */
export function draftAttaches(bytes: number, limit: number = EMAIL_MESSAGE_LIMIT_BYTES): boolean {
  const base64 = Math.ceil(bytes / 3) * 4;
  return base64 + Math.ceil(base64 / 76) * 2 + MESSAGE_OVERHEAD_BYTES <= limit;
}

/**
 * The body: steps and facts as bullets, as the support guide asks for e-mail; every sentence from
 * the catalogue. `attached`: whether the draft carries the archive, decided once by
 * {@link writeEmailDraft} ({@link draftAttaches}) for the body, the attachment and the caller.
 */
export function draftBody(input: DraftInput, attached: boolean): string {
  const { manifest, lang } = input;
  const tr = translator(lang);
  const failed = manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
  const reason = (c: (typeof failed)[number]) => reasonFor(tr, c.reason, c.error, tr.t(`collectorStatus.${c.status}`));
  const bullet = (text: string) => `- ${text}`;
  const size = formatSize(input.archiveBytes, lang);
  return [
    tr.t('draft.greeting'),
    '',
    tr.t('draft.intro', { ticket: input.ticket, version: manifest.tool.version, attached: attached ? 'yes' : 'no' }),
    '',
    attached
      ? bullet(tr.t('draft.attachment', { name: input.archiveName, size }))
      : bullet(tr.t('draft.notAttached', { name: input.archiveName, size, limit: mailMegabytes(input.maxMessageBytes), path: input.archivePath })),
    bullet(tr.t('draft.sha256', { sha256: input.archiveSha256 })),
    bullet(tr.t('draft.computer', { host: manifest.host, os: `${manifest.os.platform} ${manifest.os.release}` })),
    bullet(tr.t('draft.collectedAt', { time: formatDateTime(manifest.startedAt, lang) })),
    bullet(tr.t('draft.items', { count: input.entries ?? manifest.items.length + 1 })),
    ...(manifest.redaction?.mended?.length ? [bullet(tr.t('mend.mended', { count: manifest.redaction.mended.length, list: tr.list(manifest.redaction.mended) }))] : []),
    ...(failed.length ? [bullet(tr.t('draft.incomplete', { list: tr.list(failed.map((c) => tr.t('draft.itemReason', { id: c.id, reason: reason(c) }))) }))] : []),
    ...(manifest.intake.problemType ? ['', tr.t('draft.problemType', { type: tr.t(`problemType.${manifest.intake.problemType}`) })] : []),
    ...(manifest.intake.problemDescription ? ['', tr.t('draft.problem'), manifest.intake.problemDescription] : []),
    ...(manifest.intake.stepsToReproduce ? ['', tr.t('draft.steps'), manifest.intake.stepsToReproduce] : []),
    '',
    tr.t('draft.checkFirst', { attached: attached ? 'yes' : 'no' }),
    '',
  ].join('\n');
}

/** A written draft: where it is, and whether it carries the archive (else its body names the archive's path). */
export interface EmailDraft {
  path: string;
  attached: boolean;
}

/**
 * Writes `<archive>.eml` beside the archive: an unsent draft (X-Unsent: 1 opens it as a new
 * message in Outlook and Thunderbird) with the standard subject and the archive attached under
 * its standard name (RFC 2231-encoded), unless the message would be too large to send
 * ({@link draftAttaches}): then the body names the archive's path and what to do instead.
 * Streamed (memory stays flat whatever the archive's size), written to a temp name, renamed
 * when complete.
 */
export async function writeEmailDraft(input: DraftInput): Promise<EmailDraft> {
  const attached = draftAttaches(input.archiveBytes, input.maxMessageBytes);
  const target = join(dirname(input.archivePath), `${basename(input.archivePath, '.zip')}.eml`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  const composer = new MailComposer({
    ...(input.to ? { to: input.to } : {}),
    subject: emailSubject(input.ticket),
    text: draftBody(input, attached),
    headers: { 'X-Unsent': '1' },
    attachments: attached ? [{ filename: input.archiveName, path: input.archivePath, contentType: 'application/zip' }] : [],
  });
  try {
    input.signal?.throwIfAborted();
    await pipeline(composer.compile().createReadStream(), createWriteStream(temp, { flags: 'wx', mode: 0o600 }), input.signal ? { signal: input.signal } : {});
    input.signal?.throwIfAborted();
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return { path: target, attached };
}
