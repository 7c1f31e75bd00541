import { assess, type SiteFacts } from '../completeness';
import { DEFAULT_POLICY, effectivePolicy } from '../policy';

const NOW = new Date('2026-03-15T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

/** Contact complete and one news item 45 days old; nothing else. */
const facts: SiteFacts = {
  contact: { phone: '0721 252041', address: 'Jl. Dr. Susilo No. 2', email: 'opd@bandarlampungkota.go.id' },
  items: [{ type: 'berita', category: null, year: null, tags: [], publishedAt: daysAgo(45), fields: {} }],
};

describe('the city policy behind the score', () => {
  it('counts only required checks, as a share of their weight', () => {
    const policy = { ...DEFAULT_POLICY, required: ['contact.phone', 'contact.address', 'news.monthly'] };
    const result = assess(facts, NOW, policy);
    expect(result.checks.map((check) => check.code)).toEqual([
      'contact.phone',
      'contact.address',
      'news.monthly',
    ]);
    // Phone (5) and address (4) met, news (8) not: 9 of 17.
    expect(result.score).toBe(Math.round((9 / 17) * 100));
  });

  it('uses the cadence it sets, and says it in the missing item', () => {
    const monthly = assess(facts, NOW, DEFAULT_POLICY).checks.find((check) => check.code === 'news.monthly')!;
    expect(monthly).toMatchObject({
      met: false,
      text: 'Tidak ada berita dalam {days} hari terakhir',
      values: { days: 30 },
    });
    const bimonthly = assess(facts, NOW, { ...DEFAULT_POLICY, newsMaxDays: 60 });
    expect(bimonthly.checks.find((check) => check.code === 'news.monthly')).toMatchObject({
      met: true,
      values: { days: 60 },
    });
  });

  it('lets one OPD differ: its own cadence and checks it is exempt from, the rest from the city', () => {
    const city = { ...DEFAULT_POLICY, newsMaxDays: 14 };
    const effective = effectivePolicy(city, {
      newsMaxDays: 60,
      exempt: ['performance.renstra', 'services.published'],
    });
    expect(effective).toEqual({
      ...city,
      newsMaxDays: 60,
      required: DEFAULT_POLICY.required.filter(
        (code) => code !== 'performance.renstra' && code !== 'services.published',
      ),
    });
    expect(effectivePolicy(city, null)).toBe(city);
    const exempted = assess(facts, NOW, effective);
    expect(exempted.checks.some((check) => check.code === 'services.published')).toBe(false);
    expect(exempted.score).toBeGreaterThan(assess(facts, NOW, city).score);
  });
});
