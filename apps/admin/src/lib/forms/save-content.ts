import { type ApiClient, ApiError } from '../api';
import { type Translate, translator } from '../i18n';
import { checkState, type FieldErrors, placeApiErrors, shownNames } from './form-check';
import { type FormState, isLayoutAction, mergeFields, readForm, type Uploads } from './form-state';
import { type ContentForm } from './spec';
import { saveWithUploads, UploadFailed } from './uploads';

/** What the buttons of a content form ask for, after saving. */
export type WorkflowAction =
  'draf' | 'ajukan' | 'terbitkan' | 'jadwalkan' | 'batal-jadwal' | 'kembalikan' | 'tarik';
const STEPS: Record<WorkflowAction, string | null> = {
  draf: null,
  ajukan: 'submit',
  terbitkan: 'publish',
  jadwalkan: 'schedule',
  'batal-jadwal': 'unschedule',
  kembalikan: 'return',
  tarik: 'unpublish',
};

export interface ContentInput {
  state: FormState;
  uploads: Uploads;
  action: WorkflowAction;
  /** A button that only rearranges the form (add a row, move a row up): applied, nothing saved. */
  layout: string | null;
  /** The editor's note when sending the item back. */
  comment: string;
  /** When to publish (Jadwalkan), WIB. */
  publishAt: string;
  /** The version the form was opened at (editing an existing item). */
  version: number | null;
}

export interface ExistingItem {
  id: string;
  fields: Record<string, unknown>;
}

export interface SaveOutcome {
  /** The saved item (null when nothing could be saved). */
  itemId: string | null;
  /** Messages by input name, in Bahasa Indonesia. */
  errors: FieldErrors;
  /** A message for the whole form. */
  message: string;
  /** Someone else saved the item meanwhile: the item as it is now (the form keeps what this person typed). */
  conflict?: { version: number; title: string; fields: Record<string, unknown> };
}

export function readContentForm(form: FormData): ContentInput {
  const { state, uploads } = readForm(form);
  const take = (name: string) => {
    const value = (state[name] ?? '').trim();
    delete state[name];
    return value;
  };
  const action = take('aksi');
  const version = Number(take('version'));
  return {
    state,
    uploads,
    action: action in STEPS ? (action as WorkflowAction) : 'draf',
    layout: isLayoutAction(action) ? action : null,
    comment: take('comment'),
    publishAt: take('publishAt'),
    version: Number.isInteger(version) && version > 0 ? version : null,
  };
}

function checkWorkflow(input: ContentInput, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  if (input.action === 'kembalikan' && input.comment.length < 3)
    errors['comment'] = t('Tulis catatan untuk penulis: apa yang perlu diperbaiki');
  if (input.action === 'jadwalkan' && !input.publishAt) errors['publishAt'] = t('Pilih waktu terbit');
  return errors;
}

const failure = (error: unknown, itemId: string | null, prefix = ''): SaveOutcome => {
  if (!(error instanceof ApiError) || error.status >= 500) throw error;
  return { itemId, errors: error.byPath(), message: `${prefix}${error.message}` };
};

/**
 * One form submission: upload the chosen photos and files, save the item with them (new, or a new revision at
 * the version the form was opened at), then take the workflow step of the pressed button. If saving fails,
 * the uploads are deleted again: nothing is left half-written.
 */
export async function saveContent(
  api: ApiClient,
  tenant: string,
  form: ContentForm,
  input: ContentInput,
  { existing, t = translator('id') }: { existing?: ExistingItem; t?: Translate } = {},
): Promise<SaveOutcome> {
  const errors = { ...checkState(form.fields, input.state, input.uploads, t), ...checkWorkflow(input, t) };
  if (Object.keys(errors).length) return { itemId: null, errors, message: t('Periksa isian yang ditandai.') };
  const base = `/api/v1/tenants/${tenant}`;
  const state = { ...input.state };
  let item: { id: string; version: number };
  try {
    item = await saveWithUploads(api, tenant, form.fields, state, input.uploads, (typed) => {
      const fields = mergeFields(form.fields, existing?.fields ?? {}, typed);
      return existing
        ? api.send('PUT', `${base}/content/${form.type}/${existing.id}`, { version: input.version, fields })
        : api.send('POST', `${base}/content/${form.type}`, { fields });
    });
  } catch (error) {
    if (error instanceof UploadFailed) {
      const outcome = failure(error.reason, null);
      return { ...outcome, message: `${t('Berkas tidak dapat diunggah:')} ${outcome.message}` };
    }
    if (existing && error instanceof ApiError && error.code === 'CONTENT_VERSION_CONFLICT') {
      const current = await api.get<SaveOutcome['conflict'] & object>(`${base}/content/items/${existing.id}`);
      return {
        itemId: null,
        errors: {},
        message: t(
          'Tulisan ini baru saja diubah orang lain. Isian Anda masih di bawah; bandingkan dengan versi terbaru, lalu simpan lagi bila sudah sesuai.',
        ),
        conflict: current,
      };
    }
    const outcome = failure(error, null);
    return { ...outcome, errors: placeApiErrors(outcome.errors, shownNames(form.fields, state)) };
  }
  return takeStep(api, base, item, input, t);
}

async function takeStep(
  api: ApiClient,
  base: string,
  item: { id: string; version: number },
  input: ContentInput,
  t: Translate,
): Promise<SaveOutcome> {
  const step = STEPS[input.action];
  if (!step) return { itemId: item.id, errors: {}, message: '' };
  const body: Record<string, unknown> = { version: item.version };
  if (input.action === 'kembalikan') body['comment'] = input.comment;
  if (input.action === 'jadwalkan') body['publishAt'] = input.publishAt;
  try {
    await api.send('POST', `${base}/content/items/${item.id}/${step}`, body);
    return { itemId: item.id, errors: {}, message: '' };
  } catch (error) {
    return failure(error, item.id, `${t('Tersimpan, tetapi langkah berikutnya belum berhasil:')} `);
  }
}
