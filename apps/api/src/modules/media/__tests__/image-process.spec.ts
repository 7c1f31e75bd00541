import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ImageProcess } from '../image-process';

/** The photo child (image-worker.mjs) for real: a crash or a refusal is an answer, never the API's end. */
describe('the image child process', () => {
  let folder: string;
  let photo: string;
  const images = new ImageProcess();
  const maxPixels = 40_000_000;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'laman-image-process-'));
    photo = path.join(folder, 'photo.jpg');
    const [width, height] = [4000, 3000];
    const raw = Buffer.alloc(width * height * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 7 + (i >> 11)) & 255;
    await writeFile(
      photo,
      await sharp(raw, { raw: { width, height, channels: 3 } })
        .jpeg()
        .toBuffer(),
    );
  });
  afterAll(async () => {
    images.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const workDir = () => mkdtemp(path.join(folder, 'work-'));

  it('makes the first stage, then the rest: together every width and format, no name twice', async () => {
    const first = await images.render('first', { source: photo, workDir: await workDir(), maxPixels });
    const rest = await images.render('rest', { source: photo, workDir: await workDir(), maxPixels });
    expect(first.files.map((file) => file.name).sort()).toEqual([
      'w1024.jpg',
      'w1024.webp',
      'w320.jpg',
      'w320.webp',
      'w640.jpg',
      'w640.webp',
    ]);
    expect(first.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(rest.files.map((file) => file.name).sort()).toEqual([
      'full.jpg',
      'full.webp',
      'w1024.avif',
      'w1600.avif',
      'w1600.jpg',
      'w1600.webp',
      'w320.avif',
      'w640.avif',
    ]);
    expect(rest.files.find((file) => file.name === 'full.jpg')).toMatchObject({ width: 2560, height: 1920 });
  });

  it('answers a refused file with the reason, in Bahasa Indonesia', async () => {
    const broken = path.join(folder, 'rusak.jpg');
    await writeFile(broken, Buffer.from('bukan gambar'));
    await expect(
      images.render('first', { source: broken, workDir: await workDir(), maxPixels }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Gambar rusak atau tidak dapat dibaca.',
    });
    await expect(
      images.render('first', { source: photo, workDir: await workDir(), maxPixels: 1_000_000 }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('fails only the photo in hand when the child dies, and the next photo is made by a fresh child', async () => {
    const target = await workDir();
    const rendering = images.render('rest', { source: photo, workDir: target, maxPixels });
    await new Promise((resolve) => setImmediate(resolve));
    const child = (images as unknown as { child: { pid: number } | null }).child;
    expect(child?.pid).toBeGreaterThan(0);
    process.kill(child!.pid, 'SIGKILL');
    await expect(rendering).rejects.toMatchObject({ code: 'UNPROCESSABLE_FILE' });
    const again = await images.render('first', { source: photo, workDir: await workDir(), maxPixels });
    expect(again.files).toHaveLength(6);
    expect((await readdir(target)).length).toBeLessThan(8);
  });

  it('runs the child with one malloc arena, whatever the API was started with', async () => {
    await images.render('first', { source: photo, workDir: await workDir(), maxPixels });
    const child = (images as unknown as { child: { pid: number } | null }).child;
    // libvips' threads would otherwise keep their freed pages in arenas of their own (the benchmarks' memory figures).
    const environment = (await readFile(`/proc/${child!.pid}/environ`, 'utf8')).split('\0');
    expect(environment).toContain('MALLOC_ARENA_MAX=1');
  });
});
