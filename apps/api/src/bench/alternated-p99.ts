import type { ApiProcess } from './api-process';

/** An OPD whose public reads are timed: its list of news and one of its items. */
export interface TimedOpd {
  api: Pick<ApiProcess, 'url'>;
  slug: string;
  itemSlug: string;
}

export interface AlternatedP99 {
  /** The median round's p99 in each city, in ms. */
  small: number;
  large: number;
  /** large ÷ small. */
  ratio: number;
  /** The lowest and highest large ÷ small of a pair of rounds next to each other. */
  pairRatios: { lowest: number; highest: number };
  pairs: number;
}

/** How the rounds go: by default 10 pairs of 600 reads, a second apart, so they span several scheduler passes. */
export interface RoundPlan {
  pairs: number;
  readsPerRound: number;
  warmUpReads: number;
  pauseMs: number;
}

const BENCH_ROUNDS: RoundPlan = { pairs: 10, readsPerRound: 600, warmUpReads: 300, pauseMs: 1000 };

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const tenth = (value: number) => Math.round(value * 10) / 10;

function readsOf(opd: TimedOpd): string[] {
  return [
    `${opd.api.url}/api/v1/public/${opd.slug}/content?type=berita`,
    `${opd.api.url}/api/v1/public/${opd.slug}/content/berita/${opd.itemSlug}`,
  ];
}

/** The list and the item read in turn, `count` times, each checked; the reads' times in ms. */
async function timeReads(urls: string[], count: number): Promise<number[]> {
  const times: number[] = [];
  for (let read = 0; read < count; read++) {
    const url = urls[read % urls.length]!;
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * One OPD's public p99 in a small city and in a large one, served side by side on the same machine and the
 * same database server, measured in alternating rounds (small then large, then large then small, …). A busy
 * moment of the machine, a checkpoint or a scheduler pass then falls on both cities alike, which measuring one
 * city after the other cannot promise: what is left between them is the city's size.
 */
export async function alternatedP99(
  small: TimedOpd,
  large: TimedOpd,
  plan: RoundPlan = BENCH_ROUNDS,
): Promise<AlternatedP99> {
  const cities = { small: readsOf(small), large: readsOf(large) };
  for (const urls of Object.values(cities)) await timeReads(urls, plan.warmUpReads);
  const rounds = { small: [] as number[], large: [] as number[] };
  for (let pair = 0; pair < plan.pairs; pair++) {
    if (pair > 0) await new Promise((resolve) => setTimeout(resolve, plan.pauseMs));
    const order = pair % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
    for (const city of order)
      rounds[city].push(percentile(await timeReads(cities[city], plan.readsPerRound), 99));
  }
  return summarizeRounds(rounds);
}

/** Each city's median round p99 and the ratios, from the rounds' p99s in the order they were read. */
export function summarizeRounds(rounds: { small: number[]; large: number[] }): AlternatedP99 {
  const pairRatios = rounds.large.map((large, pair) => large / rounds.small[pair]!);
  const medianSmall = percentile(rounds.small, 50);
  const medianLarge = percentile(rounds.large, 50);
  return {
    small: tenth(medianSmall),
    large: tenth(medianLarge),
    ratio: Math.round((medianLarge / medianSmall) * 100) / 100,
    pairRatios: {
      lowest: Math.round(Math.min(...pairRatios) * 100) / 100,
      highest: Math.round(Math.max(...pairRatios) * 100) / 100,
    },
    pairs: rounds.small.length,
  };
}
