import { describe, expect, it } from '@jest/globals';
import { CONTENT_FORMS } from '../content-forms';
import { inFormWords } from '../field-words';

describe('API messages in the form’s own words', () => {
  const pengumuman = CONTENT_FORMS['pengumuman']!.fields;
  const dokumen = CONTENT_FORMS['dokumen']!.fields;
  const label = (fields: typeof dokumen, name: string) => fields.find((field) => field.name === name)!.label;

  it('names other fields by their labels', () => {
    const message = inFormWords('Harus setelah validFrom', pengumuman);
    expect(message).toBe(`Harus setelah ${label(pengumuman, 'validFrom')}`);
    expect(message).not.toMatch(/validFrom/);
  });

  it('names a choice by its label in a condition', () => {
    const message = inFormWords('Wajib diisi bila informationClass = dikecualikan', dokumen);
    expect(message).toMatch(new RegExp(`^Wajib diisi bila ${label(dokumen, 'informationClass')} "[^"]+"$`));
    expect(message).not.toMatch(/informationClass|=/);
  });

  it('drops a leading field path', () => {
    expect(inFormWords('fields.validUntil: sudah lewat', pengumuman)).toBe('sudah lewat');
  });

  it('leaves ordinary words alone, even when a field has that name', () => {
    expect(inFormWords('Harus berupa angka', pengumuman)).toBe('Harus berupa angka');
    expect(
      inFormWords('Must be a real Indonesian phone number', [
        { kind: 'text', name: 'phone', label: 'Nomor telepon' },
      ]),
    ).toBe('Must be a real Indonesian phone number');
  });
});
