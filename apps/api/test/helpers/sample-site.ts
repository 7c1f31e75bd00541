import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { sampleFields } from './content-samples';
import { type SignedIn } from './given';
import { type TestApp } from './test-app';

export interface PublishedItem {
  id: string;
  slug: string;
  version: number;
}

/** One published item of every type except news and services, each with a title its page must show. */
export const SAMPLE_TITLES = {
  pengumuman: 'Pengumuman libur pelayanan',
  agenda: 'Rapat koordinasi Adminduk',
  halaman: 'Visi dan misi dinas',
  pejabat: 'Drs. Contoh Pejabat, M.Si.',
  dokumen: 'Rencana Kerja 2026',
  indikator: 'Persentase penduduk ber-KTP-el',
  galeri: 'Album pelayanan keliling',
} as const;

/** Creates a draft through the API. */
export async function createItem(
  t: TestApp,
  tenant: Pick<Tenant, 'slug'>,
  editor: SignedIn,
  type: string,
  fields: Record<string, unknown>,
): Promise<PublishedItem> {
  const created = await t
    .http()
    .post(`/api/v1/tenants/${tenant.slug}/content/${type}`)
    .set(editor.auth)
    .send({ fields });
  if (created.status !== 201) throw new Error(`create ${type}: ${created.status} ${created.text}`);
  return created.body as PublishedItem;
}

/** Creates an item through the API and publishes it (the editor may publish directly). */
export async function publishItem(
  t: TestApp,
  tenant: Tenant,
  editor: SignedIn,
  type: string,
  fields: Record<string, unknown>,
): Promise<PublishedItem> {
  const content = `/api/v1/tenants/${tenant.slug}/content`;
  const created = { body: await createItem(t, tenant, editor, type, fields) };
  const published = await t
    .http()
    .post(`${content}/items/${created.body.id}/publish`)
    .set(editor.auth)
    .send({ version: created.body.version });
  if (published.status !== 200) throw new Error(`publish ${type}: ${published.status} ${published.text}`);
  return published.body as PublishedItem;
}

/** Publishes a small but complete OPD site through the API: news, a service, and every other type. */
export async function publishSampleSite(t: TestApp, tenant: Tenant, editor: SignedIn) {
  const publish = (type: string, fields: Record<string, unknown>) =>
    publishItem(t, tenant, editor, type, fields);
  const news = await publish('berita', sampleFields('berita', 'Pelayanan KTP keliling hari Sabtu'));
  const service = await publish('layanan', sampleFields('layanan', 'Penerbitan Kartu Keluarga'));
  const items: Record<string, PublishedItem> = {};
  for (const [type, title] of Object.entries(SAMPLE_TITLES))
    items[type] = await publish(type, sampleFields(type as never, title));
  return { news, service, items, publish };
}
