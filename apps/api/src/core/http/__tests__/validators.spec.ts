import { validateSync } from 'class-validator';
import { IsIndonesianPhone, IsTenantSlug } from '../validators';

class Contact {
  @IsIndonesianPhone() phone: string;
}

class Slugged {
  @IsTenantSlug() slug: string;
}

const phoneOk = (phone: string) => validateSync(Object.assign(new Contact(), { phone })).length === 0;
const slugOk = (slug: string) => validateSync(Object.assign(new Slugged(), { slug })).length === 0;

describe('Indonesian phone numbers', () => {
  it.each(['0721 252041', '(0721) 252041', '+62 812-7000-1234', '081270001234', '0721.252.041'])(
    'accepts %s',
    (phone) => {
      expect(phoneOk(phone)).toBe(true);
    },
  );

  it.each([
    '(0000)000000',
    '0000-0000000',
    '0812345678901',
    '12345',
    '+1 202 555 0100',
    'telepon kantor',
    '0721 1',
    '0811111111111',
  ])('refuses %s', (phone) => {
    expect(phoneOk(phone)).toBe(false);
  });
});

describe('tenant slugs', () => {
  it.each(['diskominfo', 'kec-teluk-betung-utara', 'dpu2'])('accepts %s', (slug) =>
    expect(slugOk(slug)).toBe(true),
  );
  it.each([
    'Diskominfo',
    '-dinkes',
    'dinkes-',
    'd',
    'dinas kesehatan',
    '../etc',
    'admin',
    'api',
    'a'.repeat(49),
  ])('refuses %s', (slug) => expect(slugOk(slug)).toBe(false));
});
