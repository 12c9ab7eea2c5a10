/**
 * The registry of ticket-system connectors (STYLE.md §6, §9): one entry per system, each built
 * from a Destination (the non-secret settings a job records) plus the secret read at run time.
 */
import { UPLOAD_TARGETS, type Policy, type UploadTarget } from '../../../shared/policy.js';
import type { LocalizedText } from '../../../shared/types.js';
import { RedmineConnector } from './redmine.js';
import { RtConnector, type RtMode } from './rt.js';
import type { UploadConnector } from './types.js';
import { UploadError } from './upload-error.js';

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
