import { describe, expect, it } from '@jest/globals';
import { CONTENT_FORMS } from '../content-forms';
import { threeWay } from '../three-way';

const BERITA = CONTENT_FORMS['berita']!;
const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const base = {
  title: 'Layanan KTP keliling',
  summary: 'Ringkasan awal.',
  body: doc('Isi awal.'),
  category: 'Pelayanan',
  tags: ['ktp-el'],
  slug: 'layanan-ktp-keliling',
  author: 'Humas',
};

describe('merging two people’s saves field by field', () => {
  it('takes fields only the other person changed, keeps mine, and keeps what the form does not show', () => {
    const theirs = { ...base, summary: 'Ringkasan dari editor.', tags: ['ktp-el', 'kecamatan'] };
    const mine = { ...base, title: 'Layanan KTP keliling diperpanjang' };
    delete (mine as Record<string, unknown>)['slug'];
    const { merged, conflicts, taken } = threeWay(BERITA.fields, base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(taken.sort()).toEqual(['summary', 'tags']);
    expect(merged).toMatchObject({
      title: 'Layanan KTP keliling diperpanjang',
      summary: 'Ringkasan dari editor.',
      tags: ['ktp-el', 'kecamatan'],
      slug: 'layanan-ktp-keliling',
    });
  });

  it('reports a field both changed differently, with both values; the same change twice is no conflict', () => {
    const theirs = { ...base, title: 'Judul editor', body: doc('Isi baru yang sama.') };
    const mine = { ...base, title: 'Judul saya', body: doc('Isi baru yang sama.') };
    const { conflicts, merged } = threeWay(BERITA.fields, base, mine, theirs);
    expect(conflicts).toEqual([
      { name: 'title', label: expect.any(String), mine: 'Judul saya', theirs: 'Judul editor' },
    ]);
    expect(merged['title']).toBe('Judul saya');
  });

  it('treats empty as empty: a cleared and an absent field are the same', () => {
    const theirs = { ...base, summary: '' };
    const mine = { ...base };
    delete (mine as Record<string, unknown>)['summary'];
    delete (theirs as Record<string, unknown>)['category'];
    const { conflicts, taken } = threeWay(BERITA.fields, base, { ...mine, category: undefined }, theirs);
    expect(conflicts).toEqual([]);
    expect(taken).toEqual([]);
  });
});
