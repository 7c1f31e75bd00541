import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** The sealed form's version: a key change or another algorithm later gets a new one, and old rows still open. */
const VERSION = 'pd1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Personal data at rest (UU 27/2022): each field sealed on its own with AES-256-GCM under a key from the
 * configuration (PERSONAL_DATA_KEY), so a database dump or backup alone reveals no requester. Lookups that must
 * match a value (a requester's contact, to open their request's status) use a keyed hash of it instead, derived
 * from the same key: equal values match, and the hash cannot be reversed or checked without the key.
 */
export class PersonalDataCipher {
  private readonly sealKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('The personal data key must be 32 bytes');
    this.sealKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'laman personal data seal', 32));
    this.lookupKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'laman personal data lookup', 32));
  }

  /** `pd1.<base64url of iv, tag and ciphertext>`; a fresh IV each time, so equal values seal differently. */
  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
  }

  /** The plain value; throws when the sealed value was changed or sealed under another key. */
  open(sealed: string): string {
    const [version, body] = sealed.split('.');
    if (version !== VERSION || !body) throw new Error('Not a sealed personal data value');
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  /** A keyed hash for finding a row by a value without storing the value in the clear. */
  lookup(value: string): string {
    return createHmac('sha256', this.lookupKey).update(value, 'utf8').digest('base64url');
  }
}

/** The key from its configured form: 32 bytes, base64 or base64url. Null when the text is not such a key. */
export function parsePersonalDataKey(text: string): Buffer | null {
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(text) && key.length === 32 ? key : null;
}
