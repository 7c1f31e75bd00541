import { pageKeys, planRender } from '../render-plan.mjs';
import { DETAIL_ROUTES } from '@laman/shared';

const item = (type, slug, title) => ({ type, slug, title, fields: {}, updatedAt: '2026-11-28T00:00:00Z' });
const snapshot = (items, tagline = 'Melayani') => ({
  tenant: { slug: 'disdukcapil', name: 'Dinas', lastPublishedAt: new Date().toISOString() },
  settings: { tagline },
  profilePages: [],
  items,
});
const base = [
  item('berita', 'a', 'A'),
  item('berita', 'b', 'B'),
  item('layanan', 'kk', 'KK'),
  item('agenda', 'rapat', 'Rapat'),
];

describe('which pages a build renders', () => {
  it('renders everything without a previous build', () => {
    expect(planRender(null, pageKeys(snapshot(base), 'theme-1', 'kota.go.id'))).toEqual({
      render: null,
      reuse: [],
    });
  });

  it('renders only new and changed detail pages, and reuses the rest', () => {
    const previous = pageKeys(snapshot(base), 'theme-1', 'kota.go.id');
    const next = [
      item('berita', 'a', 'A (diperbaiki)'),
      item('berita', 'b', 'B'),
      item('berita', 'c', 'C'),
      item('layanan', 'kk', 'KK'),
    ];
    expect(planRender(previous, pageKeys(snapshot(next), 'theme-1', 'kota.go.id'))).toEqual({
      // Every type with pages of its own has an entry; only news changed here.
      render: {
        ...Object.fromEntries(Object.keys(DETAIL_ROUTES).map((type) => [type, []])),
        berita: ['a', 'c'],
      },
      reuse: ['/berita/b/', '/layanan/kk/'],
    });
  });

  it('ignores the last-publish time (shown on the home page only) but not anything else every page shows', () => {
    const previous = pageKeys(snapshot(base), 'theme-1', 'kota.go.id');
    const later = {
      ...snapshot(base),
      tenant: { ...snapshot(base).tenant, lastPublishedAt: '2027-01-01T00:00:00Z' },
    };
    // Every page of its own is reused (two news, the service, the agenda item).
    expect(planRender(previous, pageKeys(later, 'theme-1', 'kota.go.id')).reuse).toHaveLength(4);
    expect(planRender(previous, pageKeys(snapshot(base, 'Baru'), 'theme-1', 'kota.go.id')).render).toBeNull();
    expect(planRender(previous, pageKeys(snapshot(base), 'theme-2', 'kota.go.id')).render).toBeNull();
    expect(planRender(previous, pageKeys(snapshot(base), 'theme-1', 'kota-lain.go.id')).render).toBeNull();
  });
});
