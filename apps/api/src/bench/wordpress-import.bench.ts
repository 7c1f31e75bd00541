import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Zip, ZipPassThrough } from 'fflate';
import { Client } from 'pg';
import sharp from 'sharp';
import { createAppDataSource } from '../app-data-source';
import { DirectorySeeder } from '../demo/directory-seeder';
import { type ApiProcess, startApi } from './api-process';
import { benchDatabase, superuserOn } from './bench-database';
import { signInAgain, signInPlatformUser } from './bench-users';
import { countFromEnv, type GoalRow, recordGoals } from './goals';
import { type FixturePost, wxrExportStream } from './wxr-fixture';

/**
 * `pnpm bench` (wordpress-import): an OPD's old site moved in as a platform admin does it — the export of
 * LAMAN_BENCH_WP_POSTS posts (default 5,000) and the zip of its uploads with LAMAN_BENCH_WP_IMAGES photos
 * (default 2,000) sent over HTTP, queued, and run by the production API with its background work on — timed per
 * phase (upload and checks, the files into the library, the posts), with the process's peak memory in each;
 * then the same export again (nothing changes).
 */
const POSTS = countFromEnv('LAMAN_BENCH_WP_POSTS', 5000);
const IMAGES = Math.min(POSTS, countFromEnv('LAMAN_BENCH_WP_IMAGES', 2000));
const BASE = 'https://dishub.bandarlampungkota.go.id';

const uploadPath = (index: number) => `2021/${String((index % 12) + 1).padStart(2, '0')}/foto-${index}.jpg`;

/** The export: attachments first (as WordPress writes them, by id), then posts, each with a cover and a photo. */
async function writeExport(file: string): Promise<void> {
  const stream = wxrExportStream(
    { baseUrl: BASE, title: 'Dinas Perhubungan' },
    IMAGES + POSTS,
    (index): FixturePost => {
      if (index < IMAGES)
        return {
          id: 100_000 + index,
          type: 'attachment',
          title: `Foto kegiatan ${index}`,
          attachmentUrl: `${BASE}/wp-content/uploads/${uploadPath(index)}`,
          meta: {
            _wp_attached_file: uploadPath(index),
            _wp_attachment_image_alt: `Kegiatan dinas nomor ${index}`,
          },
        };
      const post = index - IMAGES;
      const image = post % Math.max(IMAGES, 1);
      const day = String((post % 28) + 1).padStart(2, '0');
      return {
        id: post + 1,
        title: `Kegiatan Dinas Perhubungan Nomor ${post + 1}`,
        date: `20${String(15 + (post % 7))}-${String((post % 12) + 1).padStart(2, '0')}-${day} 09:00:00`,
        categories: [['kegiatan', 'Kegiatan']],
        tags: [['transportasi', 'transportasi']],
        excerpt: `Ringkasan kegiatan nomor ${post + 1}.`,
        content:
          `<!-- wp:paragraph --><p>Petugas melaksanakan kegiatan nomor ${post + 1} bersama warga.</p><!-- /wp:paragraph -->\n` +
          (IMAGES
            ? `<!-- wp:image --><figure class="wp-block-image"><img src="${BASE}/wp-content/uploads/${uploadPath(image).replace('.jpg', '-1024x683.jpg')}" alt="Kegiatan"/></figure><!-- /wp:image -->\n`
            : '') +
          `<!-- wp:paragraph --><p>${'Kegiatan berjalan lancar dan tertib. '.repeat(20)}</p><!-- /wp:paragraph -->`,
        meta: IMAGES ? { _thumbnail_id: String(100_000 + image) } : {},
      };
    },
  );
  await pipeline(stream, createWriteStream(file));
}

/** A zip of `wp-content/uploads` with a distinct 1200×800 photo per attachment, written as it is made. */
async function writeUploads(file: string): Promise<void> {
  const out = createWriteStream(file);
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    out.write(chunk);
    if (final) out.end();
  });
  for (let index = 0; index < IMAGES; index++) {
    const photo = await sharp({
      create: {
        width: 1200,
        height: 800,
        channels: 3,
        background: { r: index % 256, g: (index * 7) % 256, b: 90 },
      },
    })
      .composite([
        {
          input: Buffer.from(
            `<svg width="1200" height="800"><text x="40" y="400" font-size="120">${index}</text></svg>`,
          ),
        },
      ])
      .jpeg({ quality: 80 })
      .toBuffer();
    const entry = new ZipPassThrough(`wp-content/uploads/${uploadPath(index)}`);
    zip.add(entry);
    entry.push(photo, true);
  }
  zip.end();
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

interface Phases {
  queuedMs: number;
  filesMs: number;
  postsMs: number;
  filesPeakMb: number;
  postsPeakMb: number;
  totals: Record<string, number>;
}

/** Sends the export and the archive as the admin page does, then follows the run until it is done. */
async function importOnce(
  api: ApiProcess,
  database: Client,
  token: string,
  tenantId: string,
  files: { xml: string; zip: string },
): Promise<Phases> {
  const form = new FormData();
  form.append('file', await openAsBlob(files.xml, { type: 'application/xml' }), 'ekspor.xml');
  form.append('uploads', await openAsBlob(files.zip, { type: 'application/zip' }), 'uploads.zip');
  const started = performance.now();
  const queued = await fetch(`${api.url}/api/v1/admin/tenants/${tenantId}/wordpress-import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const run = (await queued.json()) as { id: string; message?: string };
  if (queued.status !== 202) throw new Error(`import not queued: ${queued.status} ${run.message}`);
  const queuedMs = performance.now() - started;
  let filesDoneAt = 0;
  let filesPeakMb = 0;
  let postsPeakMb = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const rss = api.rssMb();
    // Read from the database: a national-size import outlives an access token.
    const { rows } = await database.query(
      `SELECT status, progress, totals, error FROM wordpress_imports WHERE id = $1`,
      [run.id],
    );
    const state = rows[0] as {
      status: string;
      progress: { done?: number };
      totals: Record<string, number>;
      error: string | null;
    };
    if (state.status === 'failed') throw new Error(`import failed: ${state.error}`);
    if (!filesDoneAt && (state.progress?.done ?? 0) < IMAGES) filesPeakMb = Math.max(filesPeakMb, rss);
    else {
      filesDoneAt ||= performance.now();
      postsPeakMb = Math.max(postsPeakMb, rss);
    }
    if (state.status === 'done') {
      const now = performance.now();
      return {
        queuedMs,
        filesMs: (filesDoneAt || now) - started - queuedMs,
        postsMs: now - (filesDoneAt || now),
        filesPeakMb,
        postsPeakMb,
        totals: state.totals,
      };
    }
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const database = await benchDatabase();
  const folder = await mkdtemp(path.join(tmpdir(), 'laman-wp-bench-'));
  const files = { xml: path.join(folder, 'ekspor.xml'), zip: path.join(folder, 'uploads.zip') };
  try {
    console.log(`Writing an export of ${POSTS} posts and an uploads zip of ${IMAGES} photos…`);
    await writeExport(files.xml);
    await writeUploads(files.zip);
    const sizes = { xml: (await stat(files.xml)).size, zip: (await stat(files.zip)).size };
    const dataSource = await createAppDataSource({ url: database.appUrl, poolSize: 1 }).initialize();
    const tenant = await new DirectorySeeder(dataSource).tenant({
      slug: 'dishub-bench',
      name: 'Dinas Perhubungan (bench)',
      shortName: 'Dishub',
      kind: 'dinas',
    });
    await dataSource.destroy();
    // The process that does background work (as `pnpm start`, or the scheduler in production) runs the import.
    const api = await startApi(database, {
      SCHEDULER_INTERVAL_SECONDS: '15',
      LAMAN_MEDIA_DIR: path.join(folder, 'media'),
      MEDIA_TENANT_QUOTA_MB: '100000',
    });
    try {
      const idleMb = api.rssMb();
      const client = await superuserOn(database);
      // The bench database stopping at the end ends this session too: not an error of the bench.
      client.on('error', () => undefined);
      // Signed in afresh for each import: the first outlives an access token (15 minutes).
      const first = await importOnce(
        api,
        client,
        await signInPlatformUser(api.url, database, 'platform_admin'),
        tenant.id,
        files,
      );
      console.log(`First import: ${JSON.stringify(first)}`);
      const again = await importOnce(
        api,
        client,
        await signInAgain(api.url, 'platform_admin'),
        tenant.id,
        files,
      );
      await client.end();
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `\nWordPress import: ${POSTS} posts, ${IMAGES} photos (export ${mb(sizes.xml)}, uploads ${mb(sizes.zip)}); API idle ${idleMb} MB`,
      );
      const rows: GoalRow[] = [
        {
          figure: 'upload, checks and queue (export and uploads zip over HTTP)',
          value: seconds(first.queuedMs),
          goal: '–',
          met: null,
        },
        {
          figure: `files into the library (${IMAGES} photos: sniffing, variants, EXIF removal)`,
          value: `${seconds(first.filesMs)} (${Math.round((IMAGES / first.filesMs) * 1000 * 10) / 10}/s), peak ${first.filesPeakMb} MB`,
          goal: '–',
          met: null,
        },
        {
          figure: `posts as Berita, published with their dates (${POSTS})`,
          value: `${seconds(first.postsMs)} (${Math.round((POSTS / first.postsMs) * 1000)}/s), peak ${first.postsPeakMb} MB`,
          goal: '–',
          met: null,
        },
        {
          figure: 'the whole import',
          value: `${seconds(first.queuedMs + first.filesMs + first.postsMs)} (created ${first.totals['created']}, failed ${first.totals['failed']})`,
          goal: '–',
          met: null,
        },
        {
          figure: 'the same export again (nothing changes)',
          value: `${seconds(again.queuedMs + again.filesMs + again.postsMs)} (unchanged ${again.totals['unchanged']}, created ${again.totals['created']}), peak ${Math.max(again.filesPeakMb, again.postsPeakMb)} MB`,
          goal: 'nothing created',
          met: again.totals['created'] === 0,
        },
        {
          figure: 'peak memory of the importing process, bounded by neither the export nor the archive',
          value: `${Math.max(first.filesPeakMb, first.postsPeakMb)} MB (export ${mb(sizes.xml)}, archive ${mb(sizes.zip)})`,
          goal: '< 1 GB',
          met: Math.max(first.filesPeakMb, first.postsPeakMb) < 1024,
        },
      ];
      console.table(rows);
      recordGoals('wordpress-import', rows);
    } finally {
      await api.stop();
    }
  } finally {
    await database.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
