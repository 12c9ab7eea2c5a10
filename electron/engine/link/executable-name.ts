/**
 * The download link for users without the app: the portable build is served under a name that
 * carries the ticket (`DiagnosticsCollector_12345.exe`), and the program reads the ticket back
 * from its own file name. Browsers that already have a file of that name add ` (1)`; that is
 * removed. The ticket is only prefilled: the user sees it and confirms it, and uploads still go
 * only where policy says.
 */
import { checkTicketId } from '../../../shared/naming.js';

export const PORTABLE_NAME_PREFIX = 'DiagnosticsCollector';

/** `DiagnosticsCollector_12345.exe` for ticket 12345. */
export function portableFileName(ticket: string, extension = '.exe'): string {
  return `${PORTABLE_NAME_PREFIX}_${ticket}${extension}`;
}

/**
 * The ticket in a file name such as `DiagnosticsCollector_12345.exe`,
 * `C:\Users\me\Downloads\DiagnosticsCollector_SUP-7 (2).exe` or
 * `DiagnosticsCollector_12345.AppImage`; undefined when the name carries none or it is not a
 * valid ticket id.
 */
export function ticketFromExecutableName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(exe|appimage)$/i, '');
  const prefix = new RegExp(`^${PORTABLE_NAME_PREFIX}[_ ]`, 'i');
  if (!prefix.test(stem)) return undefined;
  const ticket = stem
    .slice(PORTABLE_NAME_PREFIX.length + 1)
    // A browser's duplicate-download suffix: "name (1)", "name(1)".
    .replace(/ ?\(\d{1,3}\)$/, '')
    .trim();
  const check = checkTicketId(ticket);
  return check.ok ? check.ticket : undefined;
}

/**
 * The ticket from the running portable build's own file: electron-builder's portable launcher
 * sets PORTABLE_EXECUTABLE_FILE (Windows), an AppImage sets APPIMAGE (Linux).
 */
export function ticketFromPortableEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env.PORTABLE_EXECUTABLE_FILE || env.APPIMAGE;
  return file ? ticketFromExecutableName(file) : undefined;
}

/**
 * Download address for a ticket from policy `distribution.downloadUrl`: `{ticket}` is replaced,
 * else the portable file name is appended to the folder address.
 */
export function downloadLink(downloadUrl: string, ticket: string): string {
  if (downloadUrl.includes('{ticket}')) return downloadUrl.replaceAll('{ticket}', encodeURIComponent(ticket));
  return `${downloadUrl.endsWith('/') ? downloadUrl : `${downloadUrl}/`}${portableFileName(ticket)}`;
}
