/**
 * Texts the browser scripts show (the rich-text editor, upload progress). The page translates them on the
 * server and hands them over in a data attribute; the scripts fall back to Bahasa Indonesia.
 */
export const EDITOR_TEXTS = [
  'Tebal',
  'Miring',
  'Subjudul',
  'Daftar',
  'Daftar bernomor',
  'Tautan',
  'Format teks',
  'Alamat tautan (kosongkan untuk melepas tautan):',
  'Tekan Enter untuk paragraf baru; pilih teks lalu tombol format untuk menebalkan, membuat daftar atau tautan.',
] as const;

export const UPLOAD_TEXTS = [
  'Mengunggah berkas…',
  'Berkas terkirim; menyimpan…',
  'Koneksi terputus sebelum berkas terkirim. Periksa sinyal, lalu tekan tombolnya lagi.',
  'Berkas yang dipilih terlalu besar: satu kiriman paling besar {batas}. Pilih berkas yang lebih kecil, atau kirim berkasnya satu per satu.',
] as const;

/** The texts as the page's language has them, for a `data-texts` attribute. */
export const textsFor = (texts: readonly string[], t: (text: string) => string) =>
  JSON.stringify(Object.fromEntries(texts.map((text) => [text, t(text)])));
