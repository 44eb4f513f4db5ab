import { createECDH } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface VapidKeyPair {
  /** base64url, the uncompressed P-256 point (65 bytes). */
  publicKey: string;
  /** base64url, 32 bytes. */
  privateKey: string;
}

const isPair = (v: unknown): v is VapidKeyPair =>
  typeof v === 'object' &&
  v !== null &&
  Buffer.from(String((v as VapidKeyPair).publicKey), 'base64url').length === 65 &&
  Buffer.from(String((v as VapidKeyPair).privateKey), 'base64url').length === 32;

/** A new VAPID key pair (RFC 8292: ECDSA on P-256), as `web-push generate-vapid-keys` makes one. */
export function generateVapidKeys(): VapidKeyPair {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    // Zero-padded: a private key whose first byte is 0 comes back one byte short.
    privateKey: Buffer.from(ecdh.getPrivateKey().toString('hex').padStart(64, '0'), 'hex').toString(
      'base64url',
    ),
  };
}

/**
 * The embedded default has no VAPID keys configured: generate a pair once and keep it under the data
 * dir (mode 0600). The same pair across restarts, or every browser that subscribed must subscribe again.
 */
export function loadOrCreateVapidKeys(dataDir: string): VapidKeyPair {
  const dir = join(dataDir, 'secrets');
  const path = join(dir, 'vapid.json');
  if (existsSync(path)) {
    const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!isPair(stored))
      throw new Error(`${path} does not hold a VAPID key pair; remove it to make a new one`);
    return { publicKey: stored.publicKey, privateKey: stored.privateKey };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pair = generateVapidKeys();
  writeFileSync(path, `${JSON.stringify(pair)}\n`, { mode: 0o600, flag: 'wx' });
  return pair;
}
