import { levelOf } from '../logging.module';

describe('request log levels', () => {
  it.each([
    [200, undefined, 'info'],
    [302, undefined, 'info'],
    [400, undefined, 'warn'],
    [404, undefined, 'warn'],
    [429, undefined, 'info'],
    [500, undefined, 'error'],
    [200, new Error('aborted'), 'error'],
  ])('%s (%s) is %s', (status, error, level) => {
    expect(levelOf(status, error)).toBe(level);
  });
});
