/**
 * The baseline travels signed: `<baseline>.sig` is the base64 Ed25519 signature of the file's
 * exact bytes, made with the support team's link-signing key (diagcollect link keygen) and
 * checked against policy `linkSigning.publicKeys` — one set of keys for links and baselines.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import type { Policy } from '../../../shared/policy.js';
import { parsePublicKey } from '../link/keys.js';

export function signBaseline(data: Buffer, privateKey: KeyObject): string {
  return `${sign(null, data, privateKey).toString('base64')}\n`;
}

/** Why a baseline's signature is refused: a code (rendered by the catalogue) and the English text. */
export interface SignatureProblem {
  why: 'key' | 'format' | 'mismatch';
  message: string;
}

/** Undefined when a trusted key verifies it; else why not. */
export function baselineSignatureProblem(data: Buffer, signature: string, policy: Policy): SignatureProblem | undefined {
  const keys = (policy.linkSigning?.publicKeys ?? []).flatMap((text) => {
    try {
      return [parsePublicKey(text)];
    } catch {
      return [];
    }
  });
  if (keys.length === 0) return { why: 'key', message: 'policy names no key to check its signature with (linkSigning.publicKeys)' };
  const sig = Buffer.from(signature.trim(), 'base64');
  if (sig.length !== 64) return { why: 'format', message: 'its signature file is not an Ed25519 signature (base64 of 64 bytes)' };
  if (keys.some((key) => verify(null, data, key, sig))) return undefined;
  return { why: 'mismatch', message: 'its signature does not match any key in linkSigning.publicKeys (changed after signing, or signed by another key)' };
}
