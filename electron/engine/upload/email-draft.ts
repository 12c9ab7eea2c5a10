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
}

/** The body: steps and facts as bullets, as the support guide asks for e-mail; every sentence from the catalogue. */
export function draftBody(input: DraftInput): string {
  const { manifest, lang } = input;
  const tr = translator(lang);
  const failed = manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
  const reason = (c: (typeof failed)[number]) => reasonFor(tr, c.reason, c.error, tr.t(`collectorStatus.${c.status}`));
  const bullet = (text: string) => `- ${text}`;
  return [
    tr.t('draft.greeting'),
    '',
    tr.t('draft.intro', { ticket: input.ticket, version: manifest.tool.version }),
    '',
    bullet(tr.t('draft.attachment', { name: input.archiveName, size: formatSize(input.archiveBytes, lang) })),
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
    tr.t('draft.checkFirst'),
    '',
  ].join('\n');
}

/**
 * Writes `<archive>.eml` beside the archive: an unsent draft (X-Unsent: 1 opens it as a new
 * message in Outlook and Thunderbird) with the standard subject and the archive attached under
 * its standard name (RFC 2231-encoded). Streamed, written to a temp name, renamed when complete.
 */
export async function writeEmailDraft(input: DraftInput): Promise<string> {
  const target = join(dirname(input.archivePath), `${basename(input.archivePath, '.zip')}.eml`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  const composer = new MailComposer({
    ...(input.to ? { to: input.to } : {}),
    subject: emailSubject(input.ticket),
    text: draftBody(input),
    headers: { 'X-Unsent': '1' },
    attachments: [{ filename: input.archiveName, path: input.archivePath, contentType: 'application/zip' }],
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
  return target;
}
