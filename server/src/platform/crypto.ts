import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const scryptAsync = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/**
 * Password hashing with scrypt (memory-hard; Node's built-in implementation, so no native addon to
 * build). N=2^15, r=8 uses 32 MiB per hash. Runs on the libuv pool, off the event loop.
 */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, keylen: 32 };

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, SCRYPT.keylen, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    maxmem: 128 * SCRYPT.N * SCRYPT.r * 2,
  });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await scryptAsync(password.normalize('NFKC'), salt, expected.length, { N, r, p, maxmem: 128 * N * r * 2 });
  return crypto.timingSafeEqual(key, expected);
}

/**
 * The platform key ring: AES-256-GCM for sensitive fields (with a key id in every ciphertext so
 * keys can rotate) and HMAC-SHA256 blind indexes for exact search. The key comes from
 * GONGHUI_SECRET_KEY or a generated key file (mode 0600) in the data directory. Losing the key
 * means losing the encrypted data: back it up apart from the database.
 */
export interface KeyRing {
  keyId: string;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  blindIndex(value: string, purpose: string): string;
  sign(data: string): string;
}

export function loadKeyRing(opts: { secretKeyHex?: string; dataDir: string; persist: boolean }): KeyRing {
  let hex = opts.secretKeyHex;
  if (!hex) {
    const file = path.join(opts.dataDir, 'secret.key');
    if (fs.existsSync(file)) {
      hex = fs.readFileSync(file, 'utf8').trim();
    } else {
      hex = crypto.randomBytes(32).toString('hex');
      if (opts.persist) {
        fs.mkdirSync(opts.dataDir, { recursive: true });
        fs.writeFileSync(file, hex + '\n', { mode: 0o600, flag: 'wx' });
      }
    }
  }
  return makeKeyRing(Buffer.from(hex, 'hex'));
}

/** Fresh 12-byte GCM nonces from a pooled CSPRNG buffer (one call per 512 nonces: a roster import encrypts millions). */
const ivPool = Buffer.alloc(12 * 512);
let ivAt = ivPool.length;
function nextIv(): Buffer {
  if (ivAt === ivPool.length) {
    crypto.randomFillSync(ivPool);
    ivAt = 0;
  }
  ivAt += 12;
  return ivPool.subarray(ivAt - 12, ivAt);
}

export function makeKeyRing(master: Buffer): KeyRing {
  const derive = (label: string) => crypto.createHmac('sha256', master).update(label).digest();
  const encKey = derive('gonghui/enc/v1');
  const macKey = derive('gonghui/blind-index/v1');
  const signKey = derive('gonghui/sign/v1');
  const keyId = crypto.createHash('sha256').update(encKey).digest('hex').slice(0, 8);
  return {
    keyId,
    encrypt(plain) {
      const iv = nextIv();
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1.${keyId}.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(cipher) {
      const [v, kid, b64] = cipher.split('.');
      if (v !== 'v1' || kid !== keyId || !b64) throw new Error(`unknown key id ${kid}`);
      const buf = Buffer.from(b64, 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
    blindIndex(value, purpose) {
      return crypto
        .createHmac('sha256', macKey)
        .update(purpose + '\0' + value)
        .digest('base64url')
        .slice(0, 32);
    },
    sign(data) {
      return crypto.createHmac('sha256', signKey).update(data).digest('base64url');
    },
  };
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}
