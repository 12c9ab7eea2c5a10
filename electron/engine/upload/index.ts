/**
 * The registry of ticket-system connectors (STYLE.md §6, §9): one entry per system, each built
 * from a Destination (the non-secret settings a job records) plus the secret read at run time.
 */
import { UPLOAD_TARGETS, type Policy, type UploadTarget } from '../../../shared/policy.js';
import type { LocalizedText } from '../../../shared/types.js';
import { RedmineConnector } from './redmine.js';
import { FreshdeskConnector } from './freshdesk.js';
import { HttpPutConnector } from './http-put.js';
import { JiraConnector } from './jira.js';
import { RtConnector, type RtMode } from './rt.js';
import { ServiceNowConnector } from './servicenow.js';
import { SmtpConnector } from './smtp.js';
import type { UploadConnector } from './types.js';
import { UploadError } from './upload-error.js';
import { ZendeskConnector } from './zendesk.js';

/** Where a job goes: the target and its non-secret settings, recorded in the job file. */
export interface Destination {
  target: Exclude<UploadTarget, 'outbox'>;
  url: string;
  /** Redmine: the project the issue must belong to. */
  project?: string;
  /** RT: comment or correspond. */
  mode?: RtMode;
}

export interface ConnectorEntry {
  id: Destination['target'];
  displayName: LocalizedText;
  isConfigured(policy: Policy): boolean;
  /** The destination the policy describes (throws UploadError `config` when incomplete). */
  destination(policy: Policy): Destination;
  /** Builds the connector; reads the credential (environment or credentials file). */
  create(destination: Destination, policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string }): Promise<UploadConnector>;
}

const missing = (target: string) => new UploadError('config', `the upload target is "${target}", but the policy has no upload.${target}.url`);

export const CONNECTORS: readonly ConnectorEntry[] = [
  {
    id: 'redmine',
    displayName: { 'zh-CN': 'Redmine', en: 'Redmine' },
    isConfigured: (policy) => Boolean(policy.upload.redmine?.url),
    destination(policy) {
      const r = policy.upload.redmine;
      if (!r?.url) throw missing('redmine');
      return { target: 'redmine', url: r.url, ...(r.project ? { project: r.project } : {}) };
    },
    create: (d, policy, options) => RedmineConnector.fromPolicy(policy, { ...options, url: d.url, ...(d.project ? { project: d.project } : {}) }),
  },
  {
    id: 'rt',
    displayName: { 'zh-CN': 'Request Tracker', en: 'Request Tracker' },
    isConfigured: (policy) => Boolean(policy.upload.rt?.url),
    destination(policy) {
      const r = policy.upload.rt;
      if (!r?.url) throw missing('rt');
      return { target: 'rt', url: r.url, mode: r.mode };
    },
    create: (d, policy, options) => RtConnector.fromPolicy(policy, { ...options, url: d.url, ...(d.mode ? { mode: d.mode } : {}) }),
  },
  {
    id: 'smtp',
    displayName: { 'zh-CN': '电子邮件（SMTP）', en: 'E-mail (SMTP)' },
    isConfigured: (policy) => Boolean(policy.upload.smtp?.host),
    destination(policy) {
      const s = policy.upload.smtp;
      if (!s) throw new UploadError('config', 'the upload target is "smtp", but the policy has no upload.smtp (host, port, from, to)');
      return { target: 'smtp', url: SmtpConnector.targetUrlOf(s) };
    },
    // The job records smtp://host:port; the rest (from, to, TLS) is read from the policy at send time.
    create: (_d, policy, options) => SmtpConnector.fromPolicy(policy, options),
  },
  {
    id: 'http-put',
    displayName: { 'zh-CN': 'HTTP PUT（对象存储）', en: 'HTTP PUT (object storage)' },
    isConfigured: (policy) => Boolean(policy.upload.httpPut?.url),
    destination(policy) {
      const p = policy.upload.httpPut;
      if (!p?.url) throw new UploadError('config', 'the upload target is "http-put", but the policy has no upload.httpPut.url');
      return { target: 'http-put', url: p.url };
    },
    create: (d, policy, options) => HttpPutConnector.fromPolicy(policy, { ...options, url: d.url }),
  },
  {
    id: 'jira',
    displayName: { 'zh-CN': 'Jira Service Management', en: 'Jira Service Management' },
    isConfigured: (policy) => Boolean(policy.upload.jira?.url),
    destination(policy) {
      const c = policy.upload.jira;
      if (!c?.url) throw missing('jira');
      return { target: 'jira', url: c.url };
    },
    create: (d, policy, options) => JiraConnector.fromPolicy(policy, { ...options, url: d.url }),
  },
  {
    id: 'zendesk',
    displayName: { 'zh-CN': 'Zendesk', en: 'Zendesk' },
    isConfigured: (policy) => Boolean(policy.upload.zendesk?.url),
    destination(policy) {
      const c = policy.upload.zendesk;
      if (!c?.url) throw missing('zendesk');
      return { target: 'zendesk', url: c.url };
    },
    create: (d, policy, options) => ZendeskConnector.fromPolicy(policy, { ...options, url: d.url }),
  },
  {
    id: 'servicenow',
    displayName: { 'zh-CN': 'ServiceNow', en: 'ServiceNow' },
    isConfigured: (policy) => Boolean(policy.upload.servicenow?.url),
    destination(policy) {
      const c = policy.upload.servicenow;
      if (!c?.url) throw missing('servicenow');
      return { target: 'servicenow', url: c.url };
    },
    create: (d, policy, options) => ServiceNowConnector.fromPolicy(policy, { ...options, url: d.url }),
  },
  {
    id: 'freshdesk',
    displayName: { 'zh-CN': 'Freshdesk', en: 'Freshdesk' },
    isConfigured: (policy) => Boolean(policy.upload.freshdesk?.url),
    destination(policy) {
      const c = policy.upload.freshdesk;
      if (!c?.url) throw missing('freshdesk');
      return { target: 'freshdesk', url: c.url };
    },
    create: (d, policy, options) => FreshdeskConnector.fromPolicy(policy, { ...options, url: d.url }),
  },
];

/** The registry entry for a target id, or an UploadError naming the known ones. */
export function connectorEntry(target: string): ConnectorEntry {
  const entry = CONNECTORS.find((c) => c.id === target);
  if (!entry) {
    const known = UPLOAD_TARGETS.join(', ');
    throw new UploadError('config', `unknown upload target "${target}": use one of ${known}`);
  }
  return entry;
}

export function createConnector(destination: Destination, policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string }): Promise<UploadConnector> {
  return connectorEntry(destination.target).create(destination, policy, options);
}
