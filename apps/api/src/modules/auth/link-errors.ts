import { DomainError } from '../../core/errors/domain-error';

/** A one-time link that is unknown, used, expired, or whose offer was withdrawn: one answer for all of them. */
export function linkNotValid(purpose: 'invitation' | 'password_reset'): DomainError {
  return new DomainError(
    'INVITATION_INVALID',
    purpose === 'invitation'
      ? 'Tautan undangan tidak berlaku atau sudah dipakai; minta tautan baru ke admin OPD'
      : 'Tautan atur ulang kata sandi tidak berlaku atau sudah dipakai; minta tautan baru ke admin OPD',
  );
}
