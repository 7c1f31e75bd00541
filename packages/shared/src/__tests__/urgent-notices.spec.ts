import { urgentNotices } from '../urgent-notices.js';

const notice = (slug: string, extra: Partial<Parameters<typeof urgentNotices>[0][number]> = {}) => ({
  type: 'pengumuman',
  slug,
  title: slug,
  urgent: true,
  validFrom: '2026-11-01T00:00:00Z',
  validUntil: '2026-12-01T00:00:00Z',
  ...extra,
});

describe('urgent notices', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');

  it('shows urgent announcements in force, and nothing else', () => {
    const items = [
      notice('banjir'),
      notice('biasa', { urgent: false }),
      notice('nanti', { validFrom: '2026-11-30T00:00:00Z' }),
      notice('lewat', { validUntil: '2026-11-29T11:59:59Z' }),
      notice('tanpa-batas', { validFrom: null, validUntil: null }),
      { ...notice('berita'), type: 'berita' },
    ];
    expect(urgentNotices(items, now).map((item) => item.slug)).toEqual(['banjir', 'tanpa-batas']);
  });
});
