import { type ApiClient, ApiError } from './api';
import { textToDocument } from './content';

export type NewsAction = 'draf' | 'ajukan' | 'terbitkan';

export interface NewsInput {
  title: string;
  summary: string;
  body: string;
  alt: string;
  photo: File | null;
  action: NewsAction;
}

export interface NewsOutcome {
  /** The saved item (null when nothing could be saved). */
  itemId: string | null;
  /** Messages by form field, in Bahasa Indonesia. */
  errors: Record<string, string>;
  /** A message for the whole form. */
  message: string;
}

export function readNewsForm(form: FormData): NewsInput {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const photo = form.get('foto');
  const action = text('aksi');
  return {
    title: text('title'),
    summary: text('summary'),
    body: String(form.get('body') ?? ''),
    alt: text('alt'),
    photo: photo instanceof File && photo.size > 0 ? photo : null,
    action: action === 'terbitkan' || action === 'ajukan' ? action : 'draf',
  };
}

/** Checks the form can be sent before anything is uploaded, so a mistake costs no upload on a slow link. */
function checkForm(input: NewsInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title) errors['title'] = 'Judul wajib diisi';
  if (!input.body.trim()) errors['body'] = 'Isi berita wajib diisi';
  if (input.photo && !input.alt)
    errors['alt'] = 'Jelaskan isi foto untuk pembaca tunanetra (teks alternatif)';
  return errors;
}

/**
 * One form submission: upload the photo, save the news item with it, then submit or publish it. If saving
 * fails, the uploaded photo is deleted again: nothing is left half-written.
 */
export async function saveNews(api: ApiClient, tenant: string, input: NewsInput): Promise<NewsOutcome> {
  const errors = checkForm(input);
  if (Object.keys(errors).length) return { itemId: null, errors, message: 'Periksa isian yang ditandai.' };
  const base = `/api/v1/tenants/${tenant}`;
  let mediaId: string | null = null;
  if (input.photo) {
    const upload = new FormData();
    upload.set('file', input.photo, input.photo.name);
    upload.set('alt', input.alt);
    try {
      mediaId = (await api.upload<{ id: string }>(`${base}/media`, upload)).id;
    } catch (error) {
      if (error instanceof ApiError && error.status < 500)
        return { itemId: null, errors: { foto: error.message }, message: 'Foto tidak dapat diunggah.' };
      throw error;
    }
  }
  const fields = {
    title: input.title,
    ...(input.summary ? { summary: input.summary } : {}),
    body: textToDocument(input.body),
    ...(mediaId ? { cover: { mediaId } } : {}),
  };
  let item: { id: string; version: number };
  try {
    item = await api.send('POST', `${base}/content/berita`, { fields });
  } catch (error) {
    if (mediaId) await api.send('DELETE', `${base}/media/${mediaId}`).catch(() => undefined);
    if (error instanceof ApiError && error.status < 500)
      return { itemId: null, errors: error.byField(), message: error.message };
    throw error;
  }
  if (input.action === 'draf') return { itemId: item.id, errors: {}, message: '' };
  const step = input.action === 'terbitkan' ? 'publish' : 'submit';
  try {
    await api.send('POST', `${base}/content/items/${item.id}/${step}`, { version: item.version });
    return { itemId: item.id, errors: {}, message: '' };
  } catch (error) {
    if (error instanceof ApiError && error.status < 500)
      return {
        itemId: item.id,
        errors: error.byField(),
        message: `Draf tersimpan, tetapi belum terbit: ${error.message}`,
      };
    throw error;
  }
}
