import { openAsBlob } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** What the phone bench needs of the running product. */
export interface PhoneBenchEnv {
  api: string;
  sitesPort: number;
  token: string;
  slug: string;
  folder: string;
}

/** A 12-megapixel phone JPEG (4000 × 3000) with detail, as a camera writes it. */
async function phonePhoto(folder: string): Promise<string> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7 + (i >> 11)) & 255;
  const file = path.join(folder, 'IMG_12MP.jpg');
  await writeFile(
    file,
    await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  return file;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call<T>(env: PhoneBenchEnv, route: string, init: RequestInit): Promise<T> {
  const response = await fetch(`${env.api}/api/v1/tenants/${env.slug}${route}`, {
    ...init,
    headers: { authorization: `Bearer ${env.token}`, ...(init.headers ?? {}) },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(body)}`);
  return body as T;
}

/**
 * What an editor's one form submission does on a phone (the admin makes these calls for the form): upload the
 * photo, save the article with it as the cover, publish; then the time until the article is served with its
 * photo. Each run also checks that every image address the served page lists answers 200 (never a variant that
 * does not exist yet), and waits until the photo's AVIF files are on the page (its second stage and the
 * rebuild after it) before the next run.
 */
export async function measurePhone(env: PhoneBenchEnv, runs: number) {
  const photo = await phonePhoto(env.folder);
  const times: number[] = [];
  let missing = 0;
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    const form = new FormData();
    form.append('file', await openAsBlob(photo, { type: 'image/jpeg' }), 'IMG_12MP.jpg');
    form.append('alt', 'Petugas melayani warga di loket');
    const media = await call<{ id: string }>(env, '/media', { method: 'POST', body: form });
    const json = { 'content-type': 'application/json' };
    const fields = {
      title: `Berita dari ponsel ${run}`,
      summary: 'Ringkasan.',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Isi.' }] }] },
      cover: { mediaId: media.id, alt: 'Petugas melayani warga di loket' },
    };
    const draft = await call<{ id: string; slug: string; version: number }>(env, '/content/berita', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ fields }),
    });
    await call(env, `/content/items/${draft.id}/publish`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ version: draft.version }),
    });
    const page = `http://127.0.0.1:${env.sitesPort}/${env.slug}/berita/${draft.slug}/`;
    let html: string;
    for (;;) {
      const response = await fetch(page).catch(() => null);
      if (response?.ok) {
        html = await response.text();
        if (html.includes(media.id)) break;
      }
      await sleep(10);
    }
    times.push(performance.now() - started);
    const addresses = [...html.matchAll(/(?:src|srcset)="([^"]+)"/g)]
      .flatMap((match) => match[1]!.split(', ').map((entry) => entry.split(' ')[0]!))
      .filter((address) => address.includes(media.id));
    for (const address of addresses)
      if (!(await fetch(address.startsWith('http') ? address : `${env.api}${address}`)).ok) missing++;
    // "On an idle machine": the photo's second stage and the rebuild it brings finish before the next tap.
    for (;;) {
      const served = await (await fetch(page)).text();
      if (served.includes('image/avif') && served.includes(media.id)) break;
      await sleep(50);
    }
  }
  times.sort((a, b) => a - b);
  return {
    runs,
    p50Ms: Math.round(times[Math.floor((times.length - 1) / 2)]!),
    worstMs: Math.round(times.at(-1)!),
    missingImages: missing,
  };
}
