import { type ApiClient, ApiError } from './api';
import { textToDocument } from './content';

/** What the buttons of a news form ask for, after saving. */
export type NewsAction = 'draf' | 'ajukan' | 'terbitkan' | 'kembalikan' | 'tarik';
const ACTIONS: NewsAction[] = ['draf', 'ajukan', 'terbitkan', 'kembalikan', 'tarik'];
const STEPS: Record<NewsAction, string | null> = {
  draf: null,
  ajukan: 'submit',
  terbitkan: 'publish',
  kembalikan: 'return',
  tarik: 'unpublish',
};

export interface NewsInput {
  title: string;
  summary: string;
  body: string;
  alt: string;
  photo: File | null;
  action: NewsAction;
  /** The editor's note when sending the item back. */
  comment: string;
  /** The version the form was opened at (editing an existing item). */
  version: number | null;
}

/** An item being edited: its id, and its fields as the API holds them (kept unless the form changes them). */
export interface ExistingNews {
  id: string;
  fields: Record<string, unknown>;
}

export interface NewsOutcome {
  /** The saved item (null when nothing could be saved). */
  itemId: string | null;
  /** Messages by form field, in Bahasa Indonesia. */
  errors: Record<string, string>;
  /** A message for the whole form. */
  message: string;
  /** Someone else saved the item meanwhile: the item as it is now (the form keeps what this person typed). */
  conflict?: { version: number; title: string; fields: Record<string, unknown> };
}

export function readNewsForm(form: FormData): NewsInput {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const photo = form.get('foto');
  const action = text('aksi') as NewsAction;
  const version = Number(text('version'));
  return {
    title: text('title'),
    summary: text('summary'),
    body: String(form.get('body') ?? ''),
    alt: text('alt'),
    photo: photo instanceof File && photo.size > 0 ? photo : null,
    action: ACTIONS.includes(action) ? action : 'draf',
    comment: text('comment'),
    version: Number.isInteger(version) && version > 0 ? version : null,
  };
}

/** Checks the form before anything is uploaded, so a mistake costs no upload on a slow link. */
function checkForm(input: NewsInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title) errors['title'] = 'Judul wajib diisi';
  if (!input.body.trim()) errors['body'] = 'Isi berita wajib diisi';
  if (input.photo && !input.alt)
    errors['alt'] = 'Jelaskan isi foto untuk pembaca tunanetra (teks alternatif)';
  if (input.action === 'kembalikan' && input.comment.length < 3)
    errors['comment'] = 'Tulis catatan untuk penulis: apa yang perlu diperbaiki';
  return errors;
}

const failure = (error: unknown, itemId: string | null, prefix = ''): NewsOutcome => {
  if (!(error instanceof ApiError) || error.status >= 500) throw error;
  return { itemId, errors: error.byField(), message: `${prefix}${error.message}` };
};

/**
 * One form submission: upload the photo, save the news item with it (new, or a new revision at the version the
 * form was opened at), then take the workflow step the button asked for. If saving fails, the uploaded photo
 * is deleted again: nothing is left half-written.
 */
export async function saveNews(
  api: ApiClient,
  tenant: string,
  input: NewsInput,
  existing?: ExistingNews,
): Promise<NewsOutcome> {
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
      const outcome = failure(error, null);
      return { ...outcome, errors: { foto: outcome.message }, message: 'Foto tidak dapat diunggah.' };
    }
  }
  const fields: Record<string, unknown> = {
    ...(existing?.fields ?? {}),
    title: input.title,
    body: textToDocument(input.body),
  };
  if (input.summary) fields['summary'] = input.summary;
  else delete fields['summary'];
  if (mediaId) fields['cover'] = { mediaId };
  let item: { id: string; version: number };
  try {
    item = existing
      ? await api.send('PUT', `${base}/content/berita/${existing.id}`, { version: input.version, fields })
      : await api.send('POST', `${base}/content/berita`, { fields });
  } catch (error) {
    // A fresh upload is at version 1.
    if (mediaId) await api.send('DELETE', `${base}/media/${mediaId}?version=1`).catch(() => undefined);
    if (error instanceof ApiError && error.code === 'CONTENT_VERSION_CONFLICT') {
      const current = await api.get<{ version: number; title: string; fields: Record<string, unknown> }>(
        `${base}/content/items/${existing!.id}`,
      );
      return {
        itemId: null,
        errors: {},
        message:
          'Tulisan ini baru saja diubah orang lain. Isian Anda masih di bawah; bandingkan dengan versi terbaru, lalu simpan lagi bila sudah sesuai.',
        conflict: current,
      };
    }
    return failure(error, null);
  }
  const step = STEPS[input.action];
  if (!step) return { itemId: item.id, errors: {}, message: '' };
  const body =
    input.action === 'kembalikan'
      ? { version: item.version, comment: input.comment }
      : { version: item.version };
  try {
    await api.send('POST', `${base}/content/items/${item.id}/${step}`, body);
    return { itemId: item.id, errors: {}, message: '' };
  } catch (error) {
    return failure(error, item.id, 'Tersimpan, tetapi langkah berikutnya belum berhasil: ');
  }
}
