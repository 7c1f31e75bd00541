import { type ApiClient, ApiError } from '../api';
import { type Translate, translator } from '../i18n';
import { checkState, type FieldErrors, placeApiErrors, shownNames } from './form-check';
import {
  type FormState,
  fromState,
  isLayoutAction,
  mergeFields,
  readForm,
  toState,
  type Uploads,
} from './form-state';
import { type ContentForm } from './spec';
import { type FieldConflict, threeWay } from './three-way';
import { keepChosenFiles, saveWithUploads, UploadFailed } from './uploads';

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
  /** The revision this person started from: the base of a merge when someone else saved meanwhile. */
  basis: number | null;
  /** Fields in conflict the person was asked to resolve, and what they chose for each. */
  conflicts: string[];
  choices: Record<string, 'saya' | 'mereka'>;
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
  /** A message for the whole form (something went wrong). */
  message: string;
  /** Saved, with something to tell: e.g. the other person's changes that were merged in. */
  notice?: string;
  /**
   * Someone else saved the item meanwhile and changed the same fields differently: the fields to resolve, whose
   * change it was and when. The form shows `state` (this person's text, the other person's changes to the other
   * fields already merged in) and saves against `version` once each conflict is resolved.
   */
  conflict?: { version: number; basis: number; who: string | null; when: string; fields: FieldConflict[] };
  state?: FormState;
}

/** The hidden input that names the fields in conflict, and the radio group of each. */
export const CONFLICTS_INPUT = 'konflik';
export const choiceInput = (field: string) => `pilih.${field}`;

export function readContentForm(form: FormData): ContentInput {
  const { state, uploads } = readForm(form);
  const take = (name: string) => {
    const value = (state[name] ?? '').trim();
    delete state[name];
    return value;
  };
  const action = take('aksi');
  const version = Number(take('version'));
  const basis = Number(take('basis'));
  const conflicts = take(CONFLICTS_INPUT).split(',').filter(Boolean);
  const choices: ContentInput['choices'] = {};
  for (const field of conflicts) {
    const choice = take(choiceInput(field));
    if (choice === 'saya' || choice === 'mereka') choices[field] = choice;
  }
  return {
    state,
    uploads,
    action: action in STEPS ? (action as WorkflowAction) : 'draf',
    layout: isLayoutAction(action) ? action : null,
    comment: take('comment'),
    publishAt: take('publishAt'),
    version: Number.isInteger(version) && version > 0 ? version : null,
    basis: Number.isInteger(basis) && basis > 0 ? basis : null,
    conflicts,
    choices,
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
  if (Object.keys(errors).length) {
    const state = { ...input.state };
    try {
      await keepChosenFiles(api, tenant, form.fields, state, input.uploads);
    } catch (error) {
      if (!(error instanceof UploadFailed)) throw error;
      const outcome = failure(error.reason, null);
      return { ...outcome, message: `${t('Berkas tidak dapat diunggah:')} ${outcome.message}` };
    }
    return { itemId: null, errors, message: t('Periksa isian yang ditandai.'), state };
  }
  const base = `/api/v1/tenants/${tenant}`;
  const merging = existing ? new Merging(api, base, form, existing.id, input, t) : null;
  const unresolved = input.conflicts.filter((field) => !input.choices[field]);
  const askAgain = merging && unresolved.length ? await merging.askAgain(unresolved) : null;
  if (askAgain) return askAgain;
  const theirs = merging && input.conflicts.length ? await merging.theirChoices() : {};
  const state = { ...input.state };
  // A workflow step's refusal (a publish rule, the spam guard) is placed beside its field, in the form's words.
  const inWords = (outcome: SaveOutcome): SaveOutcome => ({
    ...outcome,
    errors: placeApiErrors(outcome.errors, shownNames(form.fields, state), form.fields),
  });
  let typed: Record<string, unknown> = {};
  let item: { id: string; version: number };
  try {
    item = await saveWithUploads(api, tenant, form.fields, state, input.uploads, (values) => {
      typed = { ...values, ...theirs };
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
    if (merging && error instanceof ApiError && error.code === 'CONTENT_VERSION_CONFLICT') {
      const merged = await merging.merge(typed);
      if (merged.kind === 'conflict') return merged.outcome;
      if (merged.kind === 'saved')
        return inWords(await takeStep(api, base, merged.item, input, t, merged.note));
      throw error;
    }
    const outcome = failure(error, null);
    return {
      ...outcome,
      errors: placeApiErrors(outcome.errors, shownNames(form.fields, state), form.fields),
      state,
    };
  }
  return inWords(await takeStep(api, base, item, input, t));
}

interface CurrentItem {
  version: number;
  revision: number;
  fields: Record<string, unknown>;
}
interface Revision {
  authorName: string | null;
  createdAt: string;
  fields: Record<string, unknown>;
}

/**
 * Someone else saved the item while this person edited it. Their changes and this person's are merged field
 * by field from the revision both started at: fields only one side changed merge by themselves and are saved at
 * once; fields both changed differently are shown side by side (whose change, when) until the person picks one
 * or merges them by editing — nothing is saved over the other person's work without that choice.
 */
class Merging {
  constructor(
    private readonly api: ApiClient,
    private readonly base: string,
    private readonly form: ContentForm,
    private readonly itemId: string,
    private readonly input: ContentInput,
    private readonly t: Translate,
  ) {}

  private item = () => this.api.get<CurrentItem>(`${this.base}/content/items/${this.itemId}`);
  private revision = (number: number) =>
    this.api.get<Revision>(`${this.base}/content/items/${this.itemId}/revisions/${number}`);

  /** The other person's values of the fields where this person chose theirs. */
  async theirChoices(): Promise<Record<string, unknown>> {
    const current = await this.item();
    return Object.fromEntries(
      Object.entries(this.input.choices)
        .filter(([, choice]) => choice === 'mereka')
        .map(([field]) => [field, current.fields[field]]),
    );
  }

  /**
   * A resolution was sent without a choice for some fields: the conflict again, those fields marked (null when
   * there is no conflict any more, and the save goes ahead).
   */
  async askAgain(unresolved: string[]): Promise<SaveOutcome | null> {
    const merged = await this.merge(fromState(this.form.fields, this.input.state), { dryRun: true });
    if (merged.kind !== 'conflict') return null;
    const message = this.t('Pilih versi yang dipakai untuk kolom ini (versi Anda boleh digabung dulu).');
    const errors = Object.fromEntries(unresolved.map((field) => [field, message]));
    return { ...merged.outcome, errors };
  }

  async merge(
    typed: Record<string, unknown>,
    { dryRun = false } = {},
  ): Promise<
    | { kind: 'conflict'; outcome: SaveOutcome }
    | { kind: 'saved'; item: { id: string; version: number }; note: string }
    | { kind: 'clean' }
  > {
    const current = await this.item();
    const [started, latest] = await Promise.all([
      this.revision(this.input.basis ?? current.revision),
      this.revision(current.revision),
    ]);
    const { merged, conflicts, taken } = threeWay(this.form.fields, started.fields, typed, current.fields);
    const who = latest.authorName;
    if (conflicts.length) {
      const outcome: SaveOutcome = {
        itemId: null,
        errors: {},
        message: this.t(
          '{who} menyimpan tulisan ini saat Anda mengedit. Kolom yang hanya diubah salah satu dari Anda sudah digabung; untuk kolom yang ditandai, pilih versi yang dipakai atau gabungkan, lalu simpan lagi.',
          { who: who ?? this.t('Orang lain') },
        ),
        conflict: {
          version: current.version,
          basis: this.input.basis ?? current.revision,
          who,
          when: latest.createdAt,
          fields: conflicts,
        },
        state: toState(this.form.fields, merged),
      };
      return { kind: 'conflict', outcome };
    }
    if (dryRun) return { kind: 'clean' };
    const saved = await this.api.send<{ id: string; version: number }>(
      'PUT',
      `${this.base}/content/${this.form.type}/${this.itemId}`,
      { version: current.version, fields: merged },
    );
    const labels = this.form.fields.filter((field) => taken.includes(field.name)).map((field) => field.label);
    const note = labels.length
      ? this.t('Tersimpan dan digabung dengan perubahan {who} pada: {fields}.', {
          who: who ?? this.t('orang lain'),
          fields: labels.map((label) => this.t(label)).join(', '),
        })
      : '';
    return { kind: 'saved', item: saved, note };
  }
}

async function takeStep(
  api: ApiClient,
  base: string,
  item: { id: string; version: number },
  input: ContentInput,
  t: Translate,
  note = '',
): Promise<SaveOutcome> {
  const step = STEPS[input.action];
  const done = { itemId: item.id, errors: {}, message: '', ...(note ? { notice: note } : {}) };
  if (!step) return done;
  const body: Record<string, unknown> = { version: item.version };
  if (input.action === 'kembalikan') body['comment'] = input.comment;
  if (input.action === 'jadwalkan') body['publishAt'] = input.publishAt;
  try {
    await api.send('POST', `${base}/content/items/${item.id}/${step}`, body);
    return done;
  } catch (error) {
    return failure(error, item.id, `${t('Tersimpan, tetapi langkah berikutnya belum berhasil:')} `);
  }
}
