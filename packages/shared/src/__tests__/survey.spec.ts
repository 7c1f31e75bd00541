import {
  SKM_ELEMENTS,
  skmGrade,
  skmMinimumRespondents,
  skmPeriod,
  skmPeriodsBegun,
  skmPeriodsOf,
  skmResult,
} from '../survey.js';

describe('the satisfaction survey index (Permenpan RB 14/2017)', () => {
  it('averages each element, weights the nine equally and scales to 25–100', () => {
    // Four respondents: element sums 16 (all 4) down to 4 (all 1) and values in between.
    const sums = [16, 12, 14, 13, 15, 16, 16, 10, 12];
    const result = skmResult(4, sums);
    expect(result.elements).toEqual([4, 3, 3.5, 3.25, 3.75, 4, 4, 2.5, 3]);
    // (4+3+3.5+3.25+3.75+4+4+2.5+3)/9 × 25 = 31/9 × 25 = 86.11
    expect(result.index).toBe(86.11);
    expect(result.grade).toEqual({ grade: 'B', label: 'Baik' });
  });

  it('reaches 100 when everyone answered 4 and 25 when everyone answered 1', () => {
    expect(skmResult(7, Array(9).fill(28)).index).toBe(100);
    expect(skmResult(7, Array(9).fill(7)).index).toBe(25);
  });

  it('has no index without respondents', () => {
    expect(skmResult(0, Array(9).fill(0))).toMatchObject({ index: null, grade: null });
  });

  it('grades at the regulation’s boundaries', () => {
    const cases: Array<[number, string]> = [
      [100, 'A'],
      [88.31, 'A'],
      [88.3, 'B'],
      [76.61, 'B'],
      [76.6, 'C'],
      [65, 'C'],
      [64.99, 'D'],
      [25, 'D'],
    ];
    for (const [index, grade] of cases) expect([index, skmGrade(index).grade]).toEqual([index, grade]);
  });

  it('asks nine distinct questions, each with a four-step scale', () => {
    expect(new Set(SKM_ELEMENTS.map((element) => element.name)).size).toBe(9);
    for (const element of SKM_ELEMENTS) expect(new Set(element.scale).size).toBe(4);
  });
});

describe('the minimum number of respondents (Krejcie–Morgan)', () => {
  it('matches the published table', () => {
    const table: Array<[number, number]> = [
      [10, 10],
      [50, 44],
      [100, 80],
      [500, 217],
      [1000, 278],
      [10000, 370],
      [100000, 383],
      [1000000, 384],
    ];
    for (const [served, minimum] of table)
      expect([served, skmMinimumRespondents(served)]).toEqual([served, minimum]);
  });

  it('asks the most when the population is unknown', () => {
    expect(skmMinimumRespondents(null)).toBe(384);
  });
});

describe('survey periods', () => {
  it('names years, semesters and quarters with their days', () => {
    expect(skmPeriod('2026')).toMatchObject({
      label: 'Tahun 2026',
      from: '2026-01-01',
      until: '2027-01-01',
      share: 1,
    });
    expect(skmPeriod('2026-S2')).toMatchObject({
      label: 'Semester II 2026',
      from: '2026-07-01',
      until: '2027-01-01',
    });
    expect(skmPeriod('2026-T2')).toMatchObject({
      label: 'Triwulan II 2026',
      from: '2026-04-01',
      until: '2026-07-01',
      share: 0.25,
    });
  });

  it('refuses what names no period', () => {
    for (const key of ['26', '2026-S3', '2026-T5', '2026-Q1', '2026-T1x', ''])
      expect([key, skmPeriod(key)]).toEqual([key, null]);
  });

  it('finds the year, semester and quarter of a day', () => {
    expect(skmPeriodsOf('2026-11-30').map((period) => period.key)).toEqual(['2026', '2026-S2', '2026-T4']);
    expect(skmPeriodsOf('2026-03-31').map((period) => period.key)).toEqual(['2026', '2026-S1', '2026-T1']);
  });
});

describe('the periods one can choose', () => {
  it('lists the periods that have begun, each year before its parts, newest year first', () => {
    expect(skmPeriodsBegun('2027-04-02').map((period) => period.key)).toEqual([
      '2027',
      '2027-S1',
      '2027-T2',
      '2027-T1',
      '2026',
      '2026-S2',
      '2026-S1',
      '2026-T4',
      '2026-T3',
      '2026-T2',
      '2026-T1',
    ]);
  });
});
