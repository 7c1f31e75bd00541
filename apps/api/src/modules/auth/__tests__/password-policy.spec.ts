import { DomainError } from '../../../core/errors/domain-error';
import { assertPasswordPolicy, passwordProblems } from '../password-policy';

const owner = { email: 'siti.rahma@diskominfo.example' };

describe('password policy', () => {
  it('accepts a long, uncommon passphrase', () => {
    expect(passwordProblems('Kopi Robusta Lampung 2026', owner)).toEqual([]);
  });

  it.each([
    ['too short', 'Ab1!xyz', 'minLength'],
    ['too long', 'a'.repeat(129), 'maxLength'],
    ['common', 'Password123', 'commonPassword'],
    ['local and common', 'bandarlampung123', 'commonPassword'],
    ['one character repeated', 'zzzzzzzzzzzz', 'commonPassword'],
    ['built on the email', 'siti.rahma-2026!', 'containsEmail'],
  ])('refuses a password that is %s', (_label, password, constraint) => {
    expect(passwordProblems(password, owner)).toEqual(
      expect.arrayContaining([expect.objectContaining({ constraint })]),
    );
  });

  it('throws a PASSWORD_POLICY error naming the field', () => {
    let error: unknown;
    try {
      assertPasswordPolicy('12345678', owner, 'newPassword');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'PASSWORD_POLICY', status: 400 });
    expect((error as DomainError).details.every((detail) => detail.field === 'newPassword')).toBe(true);
  });
});
