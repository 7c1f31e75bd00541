/**
 * Every action the audit log records. The list is the contract with the people reading the log: the admin app
 * gives each a label (its test reads this list from the OpenAPI document), and `AuditLog.record` accepts
 * nothing else.
 */
export const AUDIT_ACTIONS = [
  'content.created',
  'content.updated',
  'content.restored',
  'content.deleted',
  'content.submit',
  'content.return',
  'content.publish',
  'content.schedule',
  'content.unschedule',
  'content.unpublish',
  'content.force_publish',
  'content.confirm_review',
  'content.auto_published',
  'content.held',
  'content.schedule_failed',
  'media.uploaded',
  'media.replaced',
  'media.described',
  'media.deleted',
  'settings.updated',
  'site.rebuild_requested',
  'site.rolled_back',
  'tenant.provisioned',
  'tenant.updated',
  'tenant.suspended',
  'tenant.reactivated',
  'tenant.contact_updated',
  'user.invited',
  'user.invitation_reissued',
  'user.invitation_accepted',
  'user.role_changed',
  'user.duties_changed',
  'user.deactivated',
  'user.reactivated',
  'user.password_reset_issued',
  'ppid.personal_data_viewed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
