/**
 * Harm held-out-16's first run showed (session 14, lead): a block or list opener taken for a secret, which
 * breaks the file; header values in Go's JSON header maps (`"Authorization":["…"]`, Caddy/Traefik access
 * logs) missed; an OpenSSL algorithm name in a real `openssl x509 -text` taken for a random secret.
 * A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, it } from 'vitest';
import { check, unchanged } from './helpers.js';

describe('a block or a list opener is no value', () => {
  it('keeps `authorization {`, `secrets {`, `password [` (NATS, strongSwan, nginx-like blocks)', () => {
    unchanged(['authorization {', 'secrets {', '  credentials (', 'password [', '"authorization": [', 'token: {']);
  });

  it('still takes the values inside the block', () => {
    check([
      ['  authorization { user: route_hz, password: RouteHz#n4t5 }', '  authorization { user: <USER-1>, password: <SECRET-1> }'],
      ['secret = "Oxy@swan-4519"', 'secret = "<SECRET-1>"'],
    ]);
  });
});

describe('header values in a JSON header map (Go net/http: a list of strings per header)', () => {
  it('takes the credentials inside the list and keeps the brackets and quotes', () => {
    check([
      ['{"headers":{"Authorization":["Basic a2JfZWRpdG9yX2xtZjpLYiRMbWYtd2lraTIwMjY="]}}', '{"headers":{"Authorization":["Basic <TOKEN-1>"]}}'],
      ['{"Proxy-Authorization":["Zx81kPq0mW2nE7rT"]}', '{"Proxy-Authorization":["<TOKEN-1>"]}'],
      ['{"request":{"headers":{"Cookie":["sid=abc123def456ghi789; theme=dark"]}}}', '{"request":{"headers":{"Cookie":["sid=<TOKEN-1>; theme=dark"]}}}'],
      ['{"X-Api-Key": ["k8f7e6d5c4b3a2918f7e6d5c"]}', '{"X-Api-Key": ["<TOKEN-1>"]}'],
    ]);
  });

  it('keeps a list that holds no credential', () => {
    unchanged(['x-api-key: [1, 2]', '{"Accept":["text/html"],"User-Agent":["curl/8.5.0"]}']);
  });
});

describe('an algorithm name is not a random secret', () => {
  it('keeps OpenSSL and JCA names after a secret-like word', () => {
    unchanged([
      '        Signature Algorithm: sha256WithRSAEncryption',
      '    Signature Algorithm: sha384WithRSAEncryption',
      'keyProtectionAlgorithm = PBEWithHmacSHA256AndAES_256',
    ]);
  });

  it('still takes a random value after the same words', () => {
    check([['Signature: q3Xv8Lm2Nz5Bw9Rk1Tc7Yh4Jd0Gf6Ps', 'Signature: <SECRET-1>']]);
  });
});
