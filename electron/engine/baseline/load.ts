/**
 * The baseline this desktop is compared with, from policy: `baseline.file` (placed by IT) or
 * `baseline.url` (https), each with `<…>.sig` beside it. Nothing unsigned, oversized or malformed
 * is used; the error says which and why, and the fleet check reports it instead of a result.
 */
import { readFile } from 'node:fs/promises';
import { BaselineDocumentSchema, type BaselineDocument } from '../../../shared/baseline.js';
import type { Policy } from '../../../shared/policy.js';
import type { InputErrorCode, InputErrorParams, InputProblem } from '../../../shared/input-errors.js';
import { errnoCause } from '../errors.js';
import { expandPath } from '../platform/paths.js';
import { baselineSignatureProblem } from './signature.js';

/** A baseline of 100 facts is far below this (see the bench); anything larger is refused. */
export const MAX_BASELINE_BYTES = 8 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

/** A baseline that cannot be used: the English message, and the same as a code (`baseline-…`) for the CLI's refusal. */
export class BaselineError extends Error {
  readonly problem: InputProblem;
  constructor(message: string, problem: InputProblem) {
    super(message);
    this.name = 'BaselineError';
    this.problem = problem;
  }

  static coded<C extends InputErrorCode>(code: C, params: InputErrorParams<C>, message: string): BaselineError {
    return new BaselineError(message, { code, params } as InputProblem);
  }
}

async function fetchBytes(url: string, signal?: AbortSignal): Promise<Buffer> {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const r = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'error' });
  if (!r.ok) throw BaselineError.coded('baseline-http', { url, status: String(r.status) }, `${url} answered HTTP ${r.status}`);
  const length = Number(r.headers.get('content-length') ?? 0);
  if (length > MAX_BASELINE_BYTES) throw BaselineError.coded('baseline-too-large', { path: url, max: String(MAX_BASELINE_BYTES) }, `${url} is ${length} bytes; a baseline is at most ${MAX_BASELINE_BYTES}`);
  const data = Buffer.from(await r.arrayBuffer());
  if (data.length > MAX_BASELINE_BYTES) throw BaselineError.coded('baseline-too-large', { path: url, max: String(MAX_BASELINE_BYTES) }, `${url} is larger than ${MAX_BASELINE_BYTES} bytes`);
  return data;
}

async function readBytes(path: string): Promise<Buffer> {
  const data = await readFile(path);
  if (data.length > MAX_BASELINE_BYTES) throw BaselineError.coded('baseline-too-large', { path, max: String(MAX_BASELINE_BYTES) }, `${path} is larger than ${MAX_BASELINE_BYTES} bytes`);
  return data;
}

/** Parses a baseline's bytes (its signature is checked by the caller); throws BaselineError saying why not. */
export function parseBaseline(data: Buffer, where: string): BaselineDocument {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    throw BaselineError.coded('baseline-not-json', { path: where }, `${where} is not JSON`);
  }
  const parsed = BaselineDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.path.join('.') ?? '';
    throw BaselineError.coded('baseline-shape', { path: where, key: key || '(root)' }, `${where} is not a diagcollect baseline (${key}: ${parsed.error.issues[0]?.message ?? 'bad shape'})`);
  }
  return parsed.data;
}

/** Parses and checks a baseline's bytes against its signature; throws BaselineError saying why not. */
export function verifiedBaseline(data: Buffer, signature: string, policy: Policy, where: string): BaselineDocument {
  const problem = baselineSignatureProblem(data, signature, policy);
  if (problem) throw BaselineError.coded('baseline-signature', { path: where, why: problem.why }, `${where}: ${problem.message}`);
  return parseBaseline(data, where);
}

/** Reads a file, turning "no such file" into a BaselineError that names it. */
async function readNamed<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof BaselineError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw e.code === 'ENOENT' ? BaselineError.coded('baseline-missing', { path: e.path ?? '' }, `${e.path ?? 'the baseline'} does not exist`) : BaselineError.coded('baseline-unreadable', { path: e.path ?? '', cause: errnoCause(err) }, e.message);
  }
}

/**
 * A baseline file an agent names (`diagcollect baseline check --baseline FILE`): its signature —
 * `signaturePath`, else `<FILE>.sig` when there is one — is checked against policy
 * `linkSigning.publicKeys` exactly as for a policy baseline, and a bad one refuses the file. A file
 * without a signature is the agent's own choice (one just built): used, and said to be unsigned.
 */
export async function loadBaselineFile(path: string, policy: Policy, signaturePath?: string): Promise<{ baseline: BaselineDocument; signed: boolean }> {
  const data = await readNamed(() => readBytes(path));
  const beside = `${path}.sig`;
  // The signature beside the file may be absent; one named with --signature must be there.
  const signature = await readNamed(() =>
    readFile(signaturePath ?? beside, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (signaturePath === undefined && err.code === 'ENOENT') return undefined;
      throw err;
    }),
  );
  if (signature === undefined) return { baseline: parseBaseline(data, path), signed: false };
  return { baseline: verifiedBaseline(data, signature, policy, path), signed: true };
}

/** The policy's baseline, verified; undefined when policy names none. */
export async function loadPolicyBaseline(policy: Policy, options: { signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}): Promise<BaselineDocument | undefined> {
  const b = policy.baseline;
  if (!b?.file && !b?.url) return undefined;
  return readNamed(async () => {
    if (b.url) {
      // The baseline before its signature, not both at once: when both are missing the refusal
      // names the baseline, every time (in parallel, whichever failed first was named).
      const data = await fetchBytes(b.url, options.signal);
      const sig = await fetchBytes(`${b.url}.sig`, options.signal);
      return verifiedBaseline(data, sig.toString('utf8'), policy, b.url);
    }
    const expanded = expandPath(b.file!, options.env ?? process.env);
    if (!expanded.ok) throw BaselineError.coded('baseline-file-path', { path: b.file! }, `baseline.file ${b.file!}: ${expanded.reason}`);
    const path = expanded.path;
    const data = await readBytes(path);
    const sig = await readFile(`${path}.sig`, 'utf8');
    return verifiedBaseline(data, sig, policy, path);
  });
}
