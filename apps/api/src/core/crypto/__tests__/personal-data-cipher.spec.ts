import { randomBytes } from 'node:crypto';
import { parsePersonalDataKey, PersonalDataCipher } from '../personal-data-cipher';

describe('personal data sealed at rest', () => {
  const key = randomBytes(32);
  const cipher = new PersonalDataCipher(key);

  it('opens what it sealed, and never seals the same value the same way twice', () => {
    const name = 'Siti Aminah binti Hasan';
    const first = cipher.seal(name);
    expect(first).toMatch(/^pd1\.[A-Za-z0-9_-]+$/);
    expect(first).not.toContain('Siti');
    expect(cipher.seal(name)).not.toBe(first);
    expect(cipher.open(first)).toBe(name);
    expect(cipher.open(cipher.seal(''))).toBe('');
  });

  it('refuses a value changed in the database or sealed under another key', () => {
    const sealed = cipher.seal('0812-3456-7890');
    const body = Buffer.from(sealed.slice(4), 'base64url');
    body.writeUInt8(body.readUInt8(body.length - 1) ^ 1, body.length - 1);
    expect(() => cipher.open(`pd1.${body.toString('base64url')}`)).toThrow();
    expect(() => new PersonalDataCipher(randomBytes(32)).open(sealed)).toThrow();
    expect(() => cipher.open('siti@example.id')).toThrow(/Not a sealed/);
  });

  it('finds equal values by a keyed hash that another key does not reproduce', () => {
    expect(cipher.lookup('siti@example.id')).toBe(cipher.lookup('siti@example.id'));
    expect(cipher.lookup('siti@example.id')).not.toBe(cipher.lookup('sita@example.id'));
    expect(new PersonalDataCipher(randomBytes(32)).lookup('siti@example.id')).not.toBe(
      cipher.lookup('siti@example.id'),
    );
    // The lookup key is not the sealing key: knowing one hash says nothing about a sealed value.
    expect(cipher.lookup('x')).not.toContain(key.toString('base64url'));
  });

  it('takes a 32-byte key written in base64 or base64url, and nothing else', () => {
    expect(parsePersonalDataKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parsePersonalDataKey(key.toString('base64url'))?.equals(key)).toBe(true);
    expect(parsePersonalDataKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(parsePersonalDataKey('rahasia-yang-terlalu-pendek')).toBeNull();
    expect(() => new PersonalDataCipher(randomBytes(31))).toThrow(RangeError);
  });
});
