import { type ApiClient } from '../api';
import { type FormState, fromState, PICK, REMOVE, ROWS, rowCount, type Uploads } from './form-state';
import { type Field, inputName } from './spec';

/** An upload the API refused (too big, not a photo…): nothing was saved. */
export class UploadFailed extends Error {
  constructor(readonly reason: unknown) {
    super('upload failed');
  }
}

/**
 * Uploads the files chosen in a form into the media library, points the form's state at them, and saves the
 * form's values with `save`. If an upload fails, the files uploaded so far are deleted again (nothing is left
 * half-written); once all are in, they stay in the library whatever the save's answer, and the form refers to
 * them.
 */
export async function saveWithUploads<T>(
  api: ApiClient,
  tenant: string,
  fields: Field[],
  state: FormState,
  uploads: Uploads,
  save: (values: Record<string, unknown>) => Promise<T>,
): Promise<T> {
  const base = `/api/v1/tenants/${tenant}`;
  const uploaded: string[] = [];
  const discard = () =>
    Promise.all(
      uploaded.map((id) => api.send('DELETE', `${base}/media/${id}?version=1`).catch(() => undefined)),
    );
  try {
    await uploadAll(api, base, fields, state, uploads, uploaded);
  } catch (error) {
    await discard();
    throw new UploadFailed(error);
  }
  // From here the files are in the library and the state refers to them: if the save is refused, the form
  // shows them again and the person does not have to pick them again.
  uploads.clear();
  return save(fromState(fields, state));
}

/**
 * A form sent back for corrections keeps the files chosen in it: they go into the media library now and the
 * form refers to them (a browser cannot refill a file input, and a phone's photo is slow to pick again).
 */
export async function keepChosenFiles(
  api: ApiClient,
  tenant: string,
  fields: Field[],
  state: FormState,
  uploads: Uploads,
): Promise<void> {
  try {
    await uploadAll(api, `/api/v1/tenants/${tenant}`, fields, state, uploads, []);
  } catch (error) {
    throw new UploadFailed(error);
  }
  uploads.clear();
}

/** Uploads every chosen file into the media library and points the form's state at the new media. */
async function uploadAll(
  api: ApiClient,
  base: string,
  fields: Field[],
  state: FormState,
  uploads: Uploads,
  uploaded: string[],
  prefix = '',
): Promise<void> {
  const send = async (file: File, meta: Record<string, string>) => {
    const body = new FormData();
    body.set('file', file, file.name);
    for (const [key, value] of Object.entries(meta)) if (value) body.set(key, value);
    const media = await api.upload<{ id: string }>(`${base}/media`, body);
    uploaded.push(media.id);
    return media.id;
  };
  for (const field of fields) {
    const name = inputName(prefix, field.name);
    if (field.kind === 'photo' && uploads.has(`${name}.file`)) {
      const meta = { alt: state[`${name}.alt`] ?? '', caption: state[`${name}.caption`] ?? '' };
      state[`${name}.mediaId`] = await send(uploads.get(`${name}.file`)![0]!, meta);
      state[`${name}.url`] = '';
      state[`${name}.${REMOVE}`] = '';
    } else if (field.kind === 'photo' && state[`${name}.${PICK}`]) {
      // A photo chosen from the library: its own alt text and variants come with it.
      state[`${name}.mediaId`] = state[`${name}.${PICK}`]!;
      state[`${name}.url`] = '';
      state[`${name}.${REMOVE}`] = '';
    }
    if (field.kind === 'files') {
      for (const file of uploads.get(`${name}.new`) ?? []) {
        const index = rowCount(state, name);
        state[`${name}.${index}.mediaId`] = await send(file, {});
        state[`${name}.${index}.caption`] = file.name;
        state[`${name}.${ROWS}`] = String(index + 1);
      }
    }
    if (field.kind === 'group') await uploadAll(api, base, field.fields, state, uploads, uploaded, name);
    if (field.kind === 'rows')
      for (let index = 0; index < rowCount(state, name); index++)
        await uploadAll(api, base, field.fields, state, uploads, uploaded, `${name}.${index}`);
  }
}
