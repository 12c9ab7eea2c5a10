/**
 * Ed25519 keys for the support agent's links. The private key stays with support (a PEM file
 * readable only by its owner); the public key goes into policy `linkSigning.publicKeys`, as
 * base64 of its 32 raw bytes (what `diagcollect link keygen` prints), base64 of the DER SPKI, or
 * PEM. A key id (the first 8 bytes of the raw key's SHA-256, base64url) travels in each link so
 * the app can tell "signed by a key we do not trust" from "changed after signing".
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Parses a public key from policy; throws an Error whose message says what is wrong. */
export function parsePublicKey(text: string): KeyObject {
  const t = text.trim();
  let key: KeyObject;
  try {
    if (t.startsWith('-----BEGIN')) {
      key = createPublicKey({ key: t, format: 'pem' });
    } else {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t)) throw new Error('it is neither PEM nor base64');
      const der = Buffer.from(t, 'base64');
      if (der.length === 32) key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, der]), format: 'der', type: 'spki' });
      else if (der.length === 44) key = createPublicKey({ key: der, format: 'der', type: 'spki' });
      else throw new Error(`it decodes to ${der.length} bytes; an Ed25519 public key is 32 bytes (or 44 as DER)`);
    }
  } catch (err) {
    throw new Error(`not a usable public key: ${(err as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it is a ${key.asymmetricKeyType ?? 'unknown'} key; links are signed with Ed25519`);
  return key;
}

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

/** Base64 of the 32 raw bytes: the form to paste into policy. */
export function publicKeyBase64(key: KeyObject): string {
  return rawPublicKey(key).toString('base64');
}

/** 11 characters naming a public key in a link (`kid`). */
export function keyId(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest().subarray(0, 8).toString('base64url');
}

export interface LinkKeyPair {
  privateKeyPem: string;
  publicKeyBase64: string;
  publicKeyPem: string;
  keyId: string;
}

export function generateLinkKeyPair(): LinkKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyBase64: publicKeyBase64(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: keyId(publicKey),
  };
}

/**
 * Reads the agent's private key. Like the upload credentials file, a key file other users can
 * read is refused (POSIX): whoever holds it can make links every managed computer trusts.
 */
export async function readPrivateKeyFile(path: string, platform: NodeJS.Platform = process.platform): Promise<KeyObject> {
  let text: string;
  try {
    const st = await stat(path);
    if (platform !== 'win32' && (st.mode & 0o077) !== 0) {
      const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
      throw InputError.coded('key-readable-by-others', { path, mode }, `the private key ${path} can be read by other users (mode ${mode}); it was not used. Run: chmod 600 '${path}'`);
    }
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw InputError.coded('key-missing', { path }, `cannot read the private key ${path}: the file does not exist (create one with \`diagcollect link keygen\`)`);
    throw InputError.coded('key-unreadable', { path, cause: code ?? (err as Error).message }, `cannot read the private key ${path}: ${code ?? (err as Error).message}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch {
    throw InputError.coded('key-not-pem', { path }, `the private key ${path} is not a PEM private key (create one with \`diagcollect link keygen\`)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw InputError.coded('key-not-ed25519', { path, type: key.asymmetricKeyType ?? 'unknown' }, `the private key ${path} is a ${key.asymmetricKeyType ?? 'unknown'} key; links are signed with Ed25519 (\`diagcollect link keygen\`)`);
  return key;
}
