import { describe, expect, it } from '@jest/globals';
import { sameSitePath } from '../safe-redirect';

describe('where "kembali" may lead', () => {
  const origin = 'https://admin.laman.example';

  it('keeps a path on this site, with its query', () => {
    expect(sameSitePath('/opd/disdukcapil/?q=ktp', origin)).toBe('/opd/disdukcapil/?q=ktp');
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    'https://evil.example/opd',
    'https:evil.example',
    'javascript:alert(1)',
    '\t//evil.example',
    '',
    null,
  ])('sends %p to the start page', (wanted) => {
    const path = sameSitePath(wanted, origin);
    expect(new URL(path, origin).origin).toBe(origin);
    expect(path).toMatch(/^\/(?![/\\])/);
  });
});
