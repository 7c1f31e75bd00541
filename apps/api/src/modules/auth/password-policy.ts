import { DomainError, type FieldError, fieldError } from '../../core/errors/domain-error';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * NIST SP 800-63B style: length over composition rules, and no password that is on everyone's list.
 * Lowercased, without spaces; includes the obvious local ones (city, agency names).
 */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'qwerty123',
  'abc123',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '1111111111',
  '0000000000',
  'iloveyou',
  'admin',
  'admin123',
  'administrator',
  'welcome',
  'welcome1',
  'letmein',
  'sandiaman',
  'katasandi',
  'katasandi123',
  'rahasia',
  'rahasia123',
  'bismillah',
  'indonesia',
  'indonesia123',
  'merdeka',
  'merdeka45',
  'lampung',
  'lampung123',
  'bandarlampung',
  'bandarlampung123',
  'tapisberseri',
  'diskominfo',
  'diskominfotik',
  'pemkot',
  'pemkotbandarlampung',
  'laman',
  'laman123',
  'lamanadmin',
]);

export function passwordProblems(
  password: string,
  identity: { email: string },
  field = 'password',
): FieldError[] {
  const problems: FieldError[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(
      fieldError(field, 'minLength', `${field} minimal ${PASSWORD_MIN_LENGTH} karakter`, [
        PASSWORD_MIN_LENGTH,
      ]),
    );
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(
      fieldError(field, 'maxLength', `${field} maksimal ${PASSWORD_MAX_LENGTH} karakter`, [
        PASSWORD_MAX_LENGTH,
      ]),
    );
  }
  const normalized = password.toLowerCase().replace(/\s+/g, '');
  if (COMMON.has(normalized) || /^(.)\1+$/.test(normalized)) {
    problems.push(
      fieldError(field, 'commonPassword', `${field} terlalu umum dan mudah ditebak; pilih yang lain`),
    );
  }
  const localPart = identity.email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && normalized.includes(localPart)) {
    problems.push(fieldError(field, 'containsEmail', `${field} tidak boleh memuat alamat email Anda`));
  }
  return problems;
}

export function assertPasswordPolicy(
  password: string,
  identity: { email: string },
  field = 'password',
): void {
  const problems = passwordProblems(password, identity, field);
  if (problems.length)
    throw new DomainError('PASSWORD_POLICY', 'Kata sandi belum memenuhi ketentuan', problems);
}
