import { roleAtLeast, type TenantRole } from '../../core/access/roles';
import { DomainError } from '../../core/errors/domain-error';
import { type ContentState } from './content-item.entity';

export type WorkflowAction =
  | 'edit'
  | 'submit'
  | 'return'
  | 'publish'
  | 'schedule'
  | 'unschedule'
  | 'unpublish'
  | 'force_publish'
  | 'confirm_review'
  | 'delete';

export interface WorkflowSubject {
  state: ContentState;
  live: boolean;
  everPublished: boolean;
  createdBy: string | null;
  /** Who saved the working copy last: the author whose work a publish would approve. */
  lastEditedBy: string | null;
  forcePublishedBy: string | null;
  needsPostReview: boolean;
}

export interface WorkflowActor {
  userId: string;
  role: TenantRole | null;
}

const FROM: Record<Exclude<WorkflowAction, 'edit' | 'delete' | 'confirm_review'>, ContentState[]> = {
  submit: ['draft', 'archived'],
  return: ['in_review'],
  publish: ['draft', 'in_review', 'archived'],
  schedule: ['draft', 'in_review', 'archived'],
  unschedule: ['scheduled'],
  unpublish: ['published', 'draft', 'in_review', 'scheduled', 'archived'],
  force_publish: ['draft', 'in_review', 'archived', 'scheduled'],
};

const STATE_LABEL: Record<ContentState, string> = {
  draft: 'draf',
  in_review: 'menunggu review',
  scheduled: 'terjadwal',
  published: 'terbit',
  archived: 'ditarik',
};

/**
 * Who may do what to an item, in one place. Contributors write and submit their own drafts; editors and
 * tenant admins review, publish, schedule and unpublish. With `requireSecondEditor`, nobody publishes their
 * own last edit (another editor must), except by force-publishing with a reason, which flags the item until
 * someone else confirms it.
 */
export function assertAllowed(
  action: WorkflowAction,
  actor: WorkflowActor,
  item: WorkflowSubject,
  options: { requireSecondEditor: boolean },
): void {
  if (!actor.role) throw forbidden('Peran Anda hanya dapat membaca konten');
  const editor = roleAtLeast(actor.role, 'editor');
  const own = item.createdBy === actor.userId;

  switch (action) {
    case 'edit':
      if (editor) return;
      if (!own) throw forbidden('Kontributor hanya dapat mengubah konten buatannya sendiri');
      if (item.state === 'in_review')
        throw invalid('Konten sedang direview; tunggu editor atau minta dikembalikan');
      if (item.state === 'scheduled') throw forbidden('Konten terjadwal hanya dapat diubah oleh editor');
      return;
    case 'delete':
      if (editor) return;
      if (!own || item.everPublished)
        throw forbidden('Kontributor hanya dapat menghapus draf miliknya yang belum pernah terbit');
      return;
    case 'submit':
      if (!editor && !own) throw forbidden('Kontributor hanya dapat mengajukan konten buatannya sendiri');
      return assertState(action, item);
    case 'confirm_review':
      requireEditor(editor);
      if (!item.needsPostReview) throw invalid('Konten ini tidak menunggu review susulan');
      if (item.forcePublishedBy === actor.userId) {
        throw forbidden('Review susulan harus dilakukan oleh editor atau admin lain');
      }
      return;
    case 'unpublish':
      requireEditor(editor);
      if (!item.live) throw invalid('Konten ini tidak sedang terbit');
      return;
    case 'publish':
    case 'schedule':
      requireEditor(editor);
      assertState(action, item);
      if (options.requireSecondEditor && item.lastEditedBy === actor.userId) {
        throw new DomainError(
          'SECOND_EDITOR_REQUIRED',
          'OPD ini mewajibkan editor kedua: ajukan review agar editor lain menerbitkan, atau terbitkan paksa dengan alasan untuk informasi serta-merta',
        );
      }
      return;
    default:
      requireEditor(editor);
      return assertState(action, item);
  }
}

function assertState(action: keyof typeof FROM, item: WorkflowSubject): void {
  if (!FROM[action].includes(item.state)) {
    throw invalid(`Tindakan ini tidak dapat dilakukan pada konten berstatus ${STATE_LABEL[item.state]}`);
  }
}

function requireEditor(editor: boolean): void {
  if (!editor) throw forbidden('Tindakan ini memerlukan peran editor atau admin OPD');
}

function forbidden(message: string): DomainError {
  return new DomainError('WORKFLOW_FORBIDDEN', message);
}

function invalid(message: string): DomainError {
  return new DomainError('WORKFLOW_INVALID_STATE', message);
}
