import { PreviewQueue } from '../preview-queue';

/** Settles pending promise callbacks. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the preview queue', () => {
  it('runs up to its slots at once, one per person', async () => {
    const queue = new PreviewQueue(2, 4);
    const first = await queue.enter('kontributor');
    const second = queue.enter('kontributor');
    const editor = await queue.enter('editor');
    expect(queue.load).toEqual({ running: 2, waiting: 1 });
    first();
    await expect(second).resolves.toEqual(expect.any(Function));
    editor();
    expect(queue.load).toEqual({ running: 1, waiting: 0 });
  });

  it('lets a newer request of the same person replace their waiting one (refused with 429)', async () => {
    const queue = new PreviewQueue(1, 4);
    const running = await queue.enter('kontributor');
    const older = queue.enter('kontributor');
    const newer = queue.enter('kontributor');
    await expect(older).rejects.toMatchObject({ code: 'RATE_LIMITED', headers: { 'Retry-After': '1' } });
    expect(queue.load).toEqual({ running: 1, waiting: 1 });
    running();
    await expect(newer).resolves.toEqual(expect.any(Function));
  });

  it('answers 429 with Retry-After when the waiting room is full, and serves others before a flooder', async () => {
    const queue = new PreviewQueue(1, 2);
    const flooder = await queue.enter('kontributor');
    const flooderNext = queue.enter('kontributor');
    const editor = queue.enter('editor');
    await expect(queue.enter('orang-ketiga')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      headers: { 'Retry-After': '5' },
    });
    flooder();
    await tick();
    // The flooder waited first, so goes first; then the editor, one render later — never behind a flood.
    (await flooderNext)();
    await expect(editor).resolves.toEqual(expect.any(Function));
  });

  it('starts a newcomer at once when a slot is free, even while someone waits for their own turn', async () => {
    const queue = new PreviewQueue(2, 4);
    await queue.enter('kontributor');
    void queue.enter('kontributor');
    const editor = await queue.enter('editor');
    expect(typeof editor).toBe('function');
    expect(queue.load).toEqual({ running: 2, waiting: 1 });
  });

  it('frees a slot once, however often its release is called', async () => {
    const queue = new PreviewQueue(1, 2);
    const release = await queue.enter('a');
    release();
    release();
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});
