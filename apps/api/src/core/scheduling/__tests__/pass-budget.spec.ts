import { withinBudget } from '../pass-budget';

describe('a periodic pass within its turn (withinBudget)', () => {
  const work = () => {
    const done: number[] = [];
    return { done, step: async (item: number) => void done.push(item) };
  };

  it('always does the first item, however short the turn, and stops there when it is up', async () => {
    const { done, step } = work();
    expect(await withinBudget([1, 2, 3], step, 0)).toBe(1);
    expect(done).toEqual([1]);
  });

  it('does everything, in order, when the turn is long enough', async () => {
    const { done, step } = work();
    expect(await withinBudget([1, 2, 3], step, 60_000)).toBe(3);
    expect(done).toEqual([1, 2, 3]);
    expect(await withinBudget([], step, 60_000)).toBe(0);
  });
});
