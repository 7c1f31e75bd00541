import { assess, nextChange, type SiteFacts } from '../completeness';

const NOW = new Date('2026-03-15T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const page = (kind: string) => ({
  type: 'halaman',
  category: kind,
  year: null,
  tags: [],
  publishedAt: daysAgo(100),
  fields: {},
});
const doc = (
  category: string,
  year: number,
  tags: string[] = ['berkala'],
  publishedDaysAgo = 10,
  fields = {},
) => ({
  type: 'dokumen',
  category,
  year,
  tags,
  publishedAt: daysAgo(publishedDaysAgo),
  fields: { files: [{ mediaId: 'berkas-1' }], ...fields },
});
const other = (type: string, publishedDaysAgo = 10) => ({
  type,
  category: null,
  year: null,
  tags: [],
  publishedAt: daysAgo(publishedDaysAgo),
  fields: {},
});

/** An OPD that publishes everything the city expects, as of NOW (March 2026). */
function complete(): SiteFacts {
  return {
    contact: { phone: '0721 252041', address: 'Jl. Dr. Susilo No. 2', email: 'opd@bandarlampungkota.go.id' },
    items: [
      page('visi-misi'),
      page('tupoksi'),
      page('struktur-organisasi'),
      page('ppid'),
      other('pejabat'),
      other('layanan'),
      other('berita', 5),
      doc('maklumat', 2025),
      doc('skm', 2025, ['berkala'], 60),
      doc('ppid_daftar_informasi_publik', 2026),
      doc('renstra', 2025, ['berkala'], 300, { yearTo: 2029 }),
      doc('renja', 2026),
      doc('perjanjian_kinerja', 2026),
      doc('lkjip', 2024),
      {
        ...other('indikator', 200),
        fields: {
          values: [
            { year: 2024, target: 90, actual: 91.5 },
            { year: 2025, target: 92, actual: 92.3 },
            { year: 2026, target: 94 },
          ],
        },
      },
    ],
  };
}

describe('completeness score', () => {
  it('gives 100, Informatif, to an OPD that publishes everything expected', () => {
    const result = assess(complete(), NOW);
    expect(result.checks.filter((check) => !check.met)).toEqual([]);
    expect(result).toMatchObject({ score: 100, band: 'informatif', bandLabel: 'Informatif' });
  });

  it('names each gap with its weight and lands in the matching band', () => {
    const facts = complete();
    facts.contact = { address: 'Jl. Dr. Susilo No. 2' };
    facts.items = facts.items.filter((item) => item.category !== 'ppid' && item.type !== 'layanan');
    const result = assess(facts, NOW);
    expect(result.checks.filter((check) => !check.met).map((check) => [check.code, check.weight])).toEqual([
      ['contact.phone', 5],
      ['contact.email', 3],
      ['services.published', 10],
      ['ppid.profile', 6],
    ]);
    expect(result).toMatchObject({ score: 76, band: 'cukup_informatif' });
  });

  it('lowers the score when a deadline passes, with no change to the content', () => {
    const facts = complete();
    const before = assess(facts, NOW);
    // 1 April (WIB): the 2025 LKjIP is now due; news from 5 days ago is 22 days old, still fresh.
    const after = assess(facts, new Date('2026-03-31T17:30:00Z'));
    expect(before.score).toBe(100);
    expect(after.checks.find((check) => check.code === 'performance.report')).toMatchObject({
      met: false,
      text: 'LKjIP {year} belum diunggah',
      values: { year: 2025 },
    });
    expect(after.score).toBe(95);
    expect(after.band).toBe('informatif');
    // Two months on, the news has gone stale too.
    expect(
      assess(facts, new Date('2026-05-20T03:00:00Z'))
        .checks.filter((check) => !check.met)
        .map((check) => check.code),
    ).toEqual(['performance.report', 'news.monthly']);
  });

  it("asks for last year's IKU actuals once the LKjIP is due", () => {
    const facts = complete();
    const indicator = facts.items.find((item) => item.type === 'indikator')!;
    indicator.fields = {
      values: [
        { year: 2024, target: 90, actual: 91.5 },
        { year: 2025, target: 92 },
      ],
    };
    expect(assess(facts, NOW).checks.find((check) => check.code === 'performance.actuals')?.met).toBe(true);
    expect(
      assess(facts, new Date('2026-04-02T03:00:00Z')).checks.find(
        (check) => check.code === 'performance.actuals',
      ),
    ).toMatchObject({ met: false, text: 'Realisasi IKU {year} belum diisi', values: { year: 2025 } });
  });

  it('scores an empty site 0, Tidak Informatif', () => {
    expect(assess({ contact: {}, items: [] }, NOW)).toMatchObject({ score: 0, band: 'tidak_informatif' });
  });

  it('counts a document only with its file: a file-less SKM "document" ticks nothing', () => {
    const facts = complete();
    const withoutFiles = {
      ...facts,
      items: facts.items.map((item) => (item.type === 'dokumen' ? { ...item, fields: { files: [] } } : item)),
    };
    const full = assess(facts, NOW);
    const hollow = assess(withoutFiles, NOW);
    expect(hollow.score).toBeLessThan(full.score);
    expect(hollow.checks.find((check) => check.code === 'services.survey')?.met).toBe(false);
  });
});

describe('whether the PPID answers in time (ppid.on_time)', () => {
  const onTime = (facts: SiteFacts) =>
    assess(facts, NOW).checks.find((check) => check.code === 'ppid.on_time');
  // NOW is 15 March 2026, 10:00 WIB.
  const request = (receivedOn: string, dueOn: string, answeredOn: string | null) => ({
    receivedOn,
    dueOn,
    answeredOn,
  });

  it('leaves an OPD without requests as it was: neither rewarded nor penalised', () => {
    expect(onTime(complete())).toBeUndefined();
    expect(assess(complete(), NOW).score).toBe(100);
  });

  it('is met when every request was answered by its due day, and none waits past it', () => {
    const facts = { ...complete(), requests: [request('2026-03-02', '2026-03-16', '2026-03-16')] };
    expect(onTime(facts)).toMatchObject({ met: true, weight: 5 });
    expect(assess(facts, NOW).score).toBe(100);
  });

  it('lowers the score for a request waiting past its due day, and for one answered late within the year', () => {
    const waiting = { ...complete(), requests: [request('2026-02-20', '2026-03-13', null)] };
    expect(onTime(waiting)).toMatchObject({ met: false, values: { overdue: 1, late: 0 } });
    // 100 of 105 weights met.
    expect(assess(waiting, NOW).score).toBe(95);
    const late = { ...complete(), requests: [request('2025-04-01', '2025-04-15', '2025-04-20')] };
    expect(onTime(late)).toMatchObject({ met: false, values: { overdue: 0, late: 1 } });
    // A year on, the late answer no longer counts: no request left, no check.
    const yearOn = new Date('2026-04-01T00:00:00Z');
    expect(assess(late, yearOn).checks.some((check) => check.code === 'ppid.on_time')).toBe(false);
  });

  it('names the moment a waiting request passes its due day (WIB midnight) as the next change', () => {
    const facts = { ...complete(), requests: [request('2026-03-04', '2026-03-18', null)] };
    facts.items = facts.items.map((item) => ({ ...item, publishedAt: NOW }));
    // 19 March 00:00 WIB is 18 March 17:00 UTC.
    expect(nextChange(facts, NOW).toISOString()).toBe('2026-03-18T17:00:00.000Z');
    expect(onTime(facts)?.met).toBe(true);
    expect(
      assess(facts, new Date('2026-03-18T17:00:00.000Z')).checks.find((c) => c.code === 'ppid.on_time')?.met,
    ).toBe(false);
  });
});

describe('the satisfaction survey check (services.survey)', () => {
  /** An OPD whose one service serves 100 people a year (a sample of 80), without an uploaded SKM result. */
  function surveyed(answers: Date[]): SiteFacts {
    const facts = complete();
    facts.items = facts.items
      .filter((item) => item.category !== 'skm' && item.type !== 'layanan')
      .concat({ ...other('layanan'), fields: { annualUsers: 100 } });
    facts.surveyAnswers = answers;
    return facts;
  }
  const survey = (facts: SiteFacts, at = NOW) =>
    assess(facts, at).checks.find((check) => check.code === 'services.survey')!;

  it("is met by the site's own survey once the last 12 months hold the sample the services need", () => {
    const enough = surveyed(Array.from({ length: 80 }, (_, i) => daysAgo(i * 4)));
    expect(survey(enough)).toMatchObject({ met: true, values: { minimum: 80, respondents: 80 } });
    const short = surveyed(Array.from({ length: 79 }, (_, i) => daysAgo(i * 4)));
    expect(survey(short)).toMatchObject({ met: false, values: { minimum: 80, respondents: 79 } });
    // Old answers do not count.
    const old = surveyed(Array.from({ length: 80 }, (_, i) => daysAgo(370 + i)));
    expect(survey(old)).toMatchObject({ met: false, values: { respondents: 0 } });
  });

  it('asks for the largest sample while a service has no estimate of the people it serves', () => {
    const facts = surveyed(Array.from({ length: 200 }, (_, i) => daysAgo(i)));
    facts.items.push(other('layanan'));
    expect(survey(facts)).toMatchObject({ met: false, values: { minimum: 384, respondents: 200 } });
  });

  it('names the moment the answer that keeps the sample whole grows too old', () => {
    const answers = Array.from({ length: 81 }, (_, i) => daysAgo(i * 4));
    const facts = surveyed(answers);
    expect(survey(facts).met).toBe(true);
    // The 80th newest answer (79 × 4 days ago) leaves the 12-month window first; the 81st already left nothing.
    const flips = nextChange(facts, NOW);
    expect(flips.getTime()).toBeLessThanOrEqual(answers[79]!.getTime() + 365 * 86_400_000 + 1);
    expect(survey(facts, new Date(flips.getTime() - 1)).met).toBe(true);
    const after = new Date(answers[79]!.getTime() + 365 * 86_400_000 + 1);
    expect(survey(facts, after).met).toBe(false);
  });
});

describe('when a score next changes with time alone (nextChange)', () => {
  /** A small deterministic generator, so a failure names a reproducible case. */
  function random(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  }
  const met = (facts: SiteFacts, at: Date) =>
    assess(facts, at)
      .checks.map((check) => `${check.code}:${check.met}`)
      .join(' ');

  it('keeps every assessment the same from now until the moment it names, and something changes there or later', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const now = new Date(
        Date.UTC(2026, Math.floor(next() * 12), 1 + Math.floor(next() * 28), Math.floor(next() * 24)),
      );
      const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
      const facts = complete();
      facts.items = facts.items.map((item) => ({ ...item, publishedAt: at(next() * 400) }));
      // Some OPDs have information requests: answered in time or late, or waiting, received up to 400 days ago.
      const day = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      facts.requests = Array.from({ length: Math.floor(next() * 4) }, () => {
        const received = at(next() * 400);
        const answered = next() < 0.7 ? new Date(received.getTime() + next() * 20 * 86_400_000) : null;
        return {
          receivedOn: day(received),
          dueOn: day(new Date(received.getTime() + 14 * 86_400_000)),
          answeredOn: answered && answered < now ? day(answered) : null,
        };
      });
      // Some take the site's survey: a small service (a sample of 28 from 30 people), answers up to 400 days old.
      if (next() < 0.5) {
        facts.items = facts.items.filter((item) => item.type !== 'dokumen' || item.category !== 'skm');
        facts.items.push({ ...other('layanan'), fields: { annualUsers: 30 } });
        facts.items = facts.items.filter((item) => item.type !== 'layanan' || item.fields['annualUsers']);
        facts.surveyAnswers = Array.from({ length: Math.floor(next() * 40) }, () => at(next() * 400)).sort(
          (a, b) => b.getTime() - a.getTime(),
        );
      }
      const changes = nextChange(facts, now);
      expect(changes.getTime()).toBeGreaterThan(now.getTime());
      const span = changes.getTime() - now.getTime();
      const before = met(facts, now);
      for (const fraction of [0.25, 0.5, 0.75, 0.999]) {
        const probe = new Date(now.getTime() + Math.floor(span * fraction));
        expect({ seed, probe, checks: met(facts, probe) }).toEqual({ seed, probe, checks: before });
      }
      expect({ seed, checks: met(facts, new Date(changes.getTime() - 1)) }).toEqual({ seed, checks: before });
    }
  });

  it('names the moment the newest news passes the policy limit, before the month ends', () => {
    const facts = complete();
    facts.items = facts.items.map((item) =>
      item.type === 'berita' ? { ...item, publishedAt: daysAgo(25) } : item,
    );
    const changes = nextChange(facts, NOW);
    // On 15 March the only news is 25 days old: it becomes too old (30 days) on 20 March, before April.
    expect(changes.toISOString()).toBe(new Date(daysAgo(25).getTime() + 30 * 86_400_000 + 1).toISOString());
    expect(met(facts, changes)).not.toEqual(met(facts, NOW));
  });

  it('with nothing left to age, names the month after the LKjIP deadline, then the new year (WIB)', () => {
    const facts = complete();
    facts.items = facts.items.map((item) => ({ ...item, publishedAt: new Date('2024-01-01T00:00:00Z') }));
    const february = new Date('2026-02-10T05:00:00Z');
    expect(nextChange(facts, february).toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(met(facts, new Date('2026-03-31T17:00:00.000Z'))).not.toEqual(met(facts, february));
    const may = new Date('2026-05-05T05:00:00Z');
    expect(nextChange(facts, may).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(met(facts, new Date('2026-12-31T17:00:00.000Z'))).not.toEqual(met(facts, may));
  });
});
