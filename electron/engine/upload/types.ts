import type { Policy } from '../../../shared/policy.js';
import type { LocalizedText } from '../../../shared/types.js';

/** The archive as a connector sees it. */
export interface ArchiveFile {
  path: string;
  /** The attachment name on the ticket (the archive's standard name). */
  name: string;
  size: number;
  sha256: string;
}

/** Where an attachment ended up on the target. */
export interface AttachmentRef {
  id: string;
  url?: string;
  name: string;
  size: number;
}

export interface AttachOptions {
  signal?: AbortSignal;
  onProgress?: (sentBytes: number, totalBytes: number) => void;
  /** Short text for the ticket (subject line, summary), where the target supports one. */
  comment?: string;
}

/**
 * One connector per ticket system (STYLE.md §9). `findAttachment` makes uploads exactly-once:
 * before (re)sending, the outbox asks whether the ticket already has this name and checksum.
 */
export interface UploadConnector {
  id: string;
  displayName: LocalizedText;
  isConfigured(policy: Policy): boolean;
  /** Resolves with the ticket's title, or rejects with an error that says what is wrong. */
  /** `lookedUp: false`: the target has no tickets to look up (e-mail, object storage); `title` then describes the target in English. */
  validateTicket(ticket: string, options?: { signal?: AbortSignal }): Promise<{ title: string; lookedUp?: false }>;
  /** `size`, when given, lets a connector skip candidates of another size without downloading them. */
  findAttachment(ticket: string, name: string, sha256: string, options?: { signal?: AbortSignal; size?: number }): Promise<AttachmentRef | null>;
  attach(ticket: string, file: ArchiveFile, options?: AttachOptions): Promise<AttachmentRef>;
  /**
   * Posts a text-only note (the triage summary) on the ticket, where the target supports one.
   * The outbox calls it once per job, before the archive is sent, and records that it did.
   */
  postComment?(ticket: string, text: string, options?: { signal?: AbortSignal }): Promise<{ id?: string }>;
  /**
   * Whether the ticket already has a note with exactly this text (an earlier attempt may have
   * posted it and lost the answer). Asked before posting again.
   */
  findComment?(ticket: string, text: string, options?: { signal?: AbortSignal }): Promise<{ id?: string } | null>;
  /** Largest attachment the target accepts, in bytes (undefined: no known limit). */
  maxBytes?: number;
  /** The server's base URL, for messages and the job file (never carries credentials). */
  targetUrl?: string;
  /** Closes kept-alive connections so a CLI process can exit at once. */
  close?(): Promise<void>;
}
