import { describe, expect, it } from '@jest/globals';
import { CONTENT_FORMS } from '../content-forms';
import { checkState, placeApiErrors, shownNames } from '../form-check';
import { applyLayout, fromState, mergeFields, toState, toWibInput, type Uploads } from '../form-state';

const INDIKATOR = CONTENT_FORMS['indikator']!;
const LAYANAN = CONTENT_FORMS['layanan']!;
const BERITA = CONTENT_FORMS['berita']!;
const none: Uploads = new Map();

describe('content forms: from the API to the inputs and back', () => {
  it('gives every content type the API knows a form', () => {
    expect(Object.keys(CONTENT_FORMS).sort()).toEqual([
      'agenda',
      'berita',
      'dokumen',
      'galeri',
      'halaman',
      'indikator',
      'layanan',
      'pejabat',
      'pengumuman',
    ]);
  });

  it('round-trips an indicator, reading decimals written with a comma and skipping blank rows', () => {
    const fields = {
      name: 'Persentase KTP-el',
      unit: 'persen',
      direction: 'higher_is_better',
      values: [{ year: 2025, target: 95, actual: 96.4 }],
    };
    const state = toState(INDIKATOR.fields, fields);
    expect(state['values.0.actual']).toBe('96,4');
    applyLayout(state, 'tambah:values');
    expect(state['values.__rows']).toBe('2');
    expect(fromState(INDIKATOR.fields, state)).toEqual(fields);
    state['values.1.year'] = '2026';
    state['values.1.target'] = '97,5';
    expect(fromState(INDIKATOR.fields, state)['values']).toEqual([
      { year: 2025, target: 95, actual: 96.4 },
      { year: 2026, target: 97.5 },
    ]);
  });

  it('moves a row up without saving anything', () => {
    const state = toState(INDIKATOR.fields, {
      values: [
        { year: 2025, target: 1 },
        { year: 2026, target: 2 },
      ],
    });
    applyLayout(state, 'naik:values.1');
    expect(fromState(INDIKATOR.fields, state)['values']).toEqual([
      { year: 2026, target: 2 },
      { year: 2025, target: 1 },
    ]);
    applyLayout(state, 'naik:values.0');
    expect(state['values.0.year']).toBe('2026');
  });

  it('drops a row marked for removal and keeps nested objects', () => {
    const fields = {
      deliveryChannels: [
        { kind: 'kantor_opd', name: 'Kantor Disdukcapil' },
        { kind: 'online', url: 'https://contoh.go.id' },
      ],
      contact: { phone: '0721 252041' },
    };
    const state = toState(LAYANAN.fields, fields);
    state['deliveryChannels.0.__hapus'] = 'on';
    const back = fromState(LAYANAN.fields, state);
    expect(back['deliveryChannels']).toEqual([{ kind: 'online', url: 'https://contoh.go.id' }]);
    expect(back['contact']).toEqual({ phone: '0721 252041' });
  });

  it('keeps a stored rich-text document (with its formatting) while its text is untouched', () => {
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tebal', marks: [{ type: 'bold' }] }] }],
    };
    const state = toState(BERITA.fields, { title: 'Judul', body });
    expect(fromState(BERITA.fields, state)['body']).toEqual(body);
    state['body'] = 'Tebal\n\nParagraf baru';
    expect(fromState(BERITA.fields, state)['body']).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Tebal' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Paragraf baru' }] },
      ],
    });
  });

  it('keeps what the form does not show when saving a group, and drops what was emptied', () => {
    const stored = { contact: { phone: '0721 1', latitude: -5.4 }, sector: 'Kependudukan', extra: 1 };
    const values = fromState(LAYANAN.fields, {
      ...toState(LAYANAN.fields, stored),
      sector: '',
      'contact.phone': '',
    });
    expect(mergeFields(LAYANAN.fields, stored, values)).toMatchObject({
      contact: { latitude: -5.4 },
      extra: 1,
    });
    expect(mergeFields(LAYANAN.fields, stored, values)).not.toHaveProperty('sector');
  });

  it('shows instants in WIB for a datetime input', () => {
    expect(toWibInput('2026-12-10T02:00:00.000Z')).toBe('2026-12-10T09:00');
  });

  it('checks required fields, numbers and the alt text of a new photo before anything is uploaded', () => {
    const state = toState(INDIKATOR.fields, null);
    state['values.0.year'] = '2025';
    state['values.0.target'] = 'banyak';
    expect(checkState(INDIKATOR.fields, state, none)).toEqual({
      name: 'Nama indikator wajib diisi',
      unit: 'Satuan wajib diisi',
      'values.0.target': 'Target harus berupa angka: tulis angka saja, mis. 1.250 atau 12,5',
    });
    const photo: Uploads = new Map([['cover.file', [new File(['x'], 'a.jpg')]]]);
    const news = { ...toState(BERITA.fields, null), title: 'Judul', body: 'Isi' };
    expect(Object.keys(checkState(BERITA.fields, news, photo))).toEqual(['cover.alt']);
  });

  it("puts the API's errors on the nearest input the form shows", () => {
    const state = toState(LAYANAN.fields, null);
    const shown = shownNames(LAYANAN.fields, state);
    expect(
      placeApiErrors(
        { 'deliveryChannels.0.url': 'wajib', 'contact.phone.extra': 'salah', requirements: 'kosong' },
        shown,
      ),
    ).toEqual({ 'deliveryChannels.0.url': 'wajib', 'contact.phone': 'salah', requirements: 'kosong' });
  });

  it('reads targets as Indonesians type them, and asks again when a number could be read two ways', () => {
    const state = toState(INDIKATOR.fields, null);
    Object.assign(state, { name: 'Jumlah akta', unit: 'dokumen', 'values.0.year': '2026' });
    state['values.0.target'] = '1.250';
    expect(checkState(INDIKATOR.fields, state, none)).toEqual({});
    expect(fromState(INDIKATOR.fields, state)['values']).toEqual([
      expect.objectContaining({ year: 2026, target: 1250 }),
    ]);
    state['values.0.target'] = '12.5';
    expect(checkState(INDIKATOR.fields, state, none)['values.0.target']).toBe(
      'Target: "12.5" bisa dibaca dua cara; untuk desimal pakai koma, mis. 12,5',
    );
    expect(toState(INDIKATOR.fields, { values: [{ year: 2026, target: 1250.5 }] })['values.0.target']).toBe(
      '1250,5',
    );
  });
});
