import { DomainError } from '../../../core/errors/domain-error';
import { type ContentState } from '../content-item.entity';
import { assertAllowed, type WorkflowAction, type WorkflowSubject } from '../workflow-rules';

const AUTHOR = 'author';
const OTHER = 'someone-else';

function outcome(
  action: WorkflowAction,
  role: 'contributor' | 'editor' | 'tenant_admin' | null,
  subject: Partial<WorkflowSubject> = {},
  actor = AUTHOR,
  requireSecondEditor = false,
): string {
  const item: WorkflowSubject = {
    state: 'draft',
    live: false,
    everPublished: false,
    createdBy: AUTHOR,
    lastEditedBy: AUTHOR,
    forcePublishedBy: null,
    needsPostReview: false,
    ...subject,
  };
  try {
    assertAllowed(action, { userId: actor, role }, item, { requireSecondEditor });
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('workflow rules', () => {
  it.each<[WorkflowAction, ContentState, string, string, string]>([
    // action, state, contributor (own item), editor, tenant admin
    ['edit', 'draft', 'ok', 'ok', 'ok'],
    ['edit', 'in_review', 'WORKFLOW_INVALID_STATE', 'ok', 'ok'],
    ['edit', 'scheduled', 'WORKFLOW_FORBIDDEN', 'ok', 'ok'],
    ['submit', 'draft', 'ok', 'ok', 'ok'],
    ['submit', 'in_review', 'WORKFLOW_INVALID_STATE', 'WORKFLOW_INVALID_STATE', 'WORKFLOW_INVALID_STATE'],
    ['return', 'in_review', 'WORKFLOW_FORBIDDEN', 'ok', 'ok'],
    ['return', 'draft', 'WORKFLOW_FORBIDDEN', 'WORKFLOW_INVALID_STATE', 'WORKFLOW_INVALID_STATE'],
    ['publish', 'in_review', 'WORKFLOW_FORBIDDEN', 'ok', 'ok'],
    ['publish', 'published', 'WORKFLOW_FORBIDDEN', 'WORKFLOW_INVALID_STATE', 'WORKFLOW_INVALID_STATE'],
    ['schedule', 'draft', 'WORKFLOW_FORBIDDEN', 'ok', 'ok'],
    ['unschedule', 'scheduled', 'WORKFLOW_FORBIDDEN', 'ok', 'ok'],
    ['unschedule', 'draft', 'WORKFLOW_FORBIDDEN', 'WORKFLOW_INVALID_STATE', 'WORKFLOW_INVALID_STATE'],
    ['force_publish', 'draft', 'WORKFLOW_FORBIDDEN', 'ok', 'ok'],
    ['delete', 'draft', 'ok', 'ok', 'ok'],
  ])(
    '%s from %s: contributor %s, editor %s, tenant admin %s',
    (action, state, contributor, editor, admin) => {
      expect(outcome(action, 'contributor', { state })).toBe(contributor);
      expect(outcome(action, 'editor', { state })).toBe(editor);
      expect(outcome(action, 'tenant_admin', { state })).toBe(admin);
    },
  );

  it("keeps contributors off other people's items and off anything once published", () => {
    expect(outcome('edit', 'contributor', { createdBy: OTHER })).toBe('WORKFLOW_FORBIDDEN');
    expect(outcome('submit', 'contributor', { createdBy: OTHER })).toBe('WORKFLOW_FORBIDDEN');
    expect(outcome('delete', 'contributor', { everPublished: true })).toBe('WORKFLOW_FORBIDDEN');
    expect(outcome('unpublish', 'contributor', { state: 'published', live: true })).toBe(
      'WORKFLOW_FORBIDDEN',
    );
  });

  it('lets monitors (no tenant role) do nothing', () => {
    for (const action of ['edit', 'submit', 'publish', 'delete'] as WorkflowAction[])
      expect(outcome(action, null)).toBe('WORKFLOW_FORBIDDEN');
  });

  it('with a second editor required, blocks publishing your own last edit, not someone else’s', () => {
    expect(outcome('publish', 'editor', { state: 'in_review' }, AUTHOR, true)).toBe('SECOND_EDITOR_REQUIRED');
    expect(outcome('schedule', 'editor', { state: 'in_review' }, AUTHOR, true)).toBe(
      'SECOND_EDITOR_REQUIRED',
    );
    expect(outcome('publish', 'editor', { state: 'in_review' }, OTHER, true)).toBe('ok');
    expect(outcome('force_publish', 'editor', { state: 'draft' }, AUTHOR, true)).toBe('ok');
  });

  it('needs someone other than the force-publisher to confirm the review', () => {
    const flagged = {
      state: 'published' as const,
      live: true,
      needsPostReview: true,
      forcePublishedBy: AUTHOR,
    };
    expect(outcome('confirm_review', 'editor', flagged, AUTHOR)).toBe('WORKFLOW_FORBIDDEN');
    expect(outcome('confirm_review', 'tenant_admin', flagged, OTHER)).toBe('ok');
    expect(outcome('confirm_review', 'editor', { ...flagged, needsPostReview: false }, OTHER)).toBe(
      'WORKFLOW_INVALID_STATE',
    );
  });

  it('unpublishes only what is live', () => {
    expect(outcome('unpublish', 'editor', { state: 'published', live: true })).toBe('ok');
    expect(outcome('unpublish', 'editor', { state: 'draft', live: true })).toBe('ok');
    expect(outcome('unpublish', 'editor', { state: 'archived', live: false })).toBe('WORKFLOW_INVALID_STATE');
  });
});
