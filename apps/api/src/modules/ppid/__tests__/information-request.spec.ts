import { normaliseCode, normaliseContact, trackingCode } from '../information-request';

describe('information request codes and contacts', () => {
  it('makes readable codes without look-alike letters, and reads back what a person types', () => {
    const code = trackingCode(Buffer.from([0xff, 0x00, 0x12, 0x34, 0x56]));
    expect(code).toMatch(/^PPID-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(trackingCode(Buffer.from([0, 0, 0, 0, 0]))).toBe('PPID-0000-0000');
    expect(trackingCode(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('PPID-ZZZZ-ZZZZ');
    expect(normaliseCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseCode('ppid-1o1l-abcd')).toBe('PPID-1011-ABCD');
    const many = new Set(Array.from({ length: 1000 }, () => trackingCode()));
    expect(many.size).toBe(1000);
  });

  it('finds a contact however it is typed again', () => {
    expect(normaliseContact('  Siti@Example.ID ')).toBe('siti@example.id');
    expect(normaliseContact('+62 812-3456-7890')).toBe('081234567890');
    expect(normaliseContact('0812 3456 7890')).toBe('081234567890');
  });
});
