import type { ApiClient } from './api';

interface PublicItem {
  fields: Record<string, unknown>;
  year: number | null;
}

/**
 * What the OPD's public site still lacks, from what citizens can see now (published content and settings),
 * in the words of the domain brief's checklist. The city's full scoring comes with the oversight module.
 */
/** A missing item in the words of the checklist (a text to translate, with its values). */
export interface Gap {
  text: string;
  values?: Record<string, string | number>;
}

export async function siteGaps(api: ApiClient, slug: string, now = new Date()): Promise<Gap[]> {
  const base = `/api/v1/public/${slug}`;
  // The public API pages by 20; a few pages cover any real OPD's pages, services, documents and officials.
  const list = async (type: string): Promise<PublicItem[]> => {
    const items: PublicItem[] = [];
    for (let page = 1; page <= 10; page++) {
      const answer = await api.get<{ items: PublicItem[]; total: number }>(
        `${base}/content?type=${type}&page=${page}`,
      );
      items.push(...answer.items);
      if (items.length >= answer.total || answer.items.length === 0) break;
    }
    return items;
  };
  const [site, pages, services, documents, officials] = await Promise.all([
    api.get<{ settings: { contact?: Record<string, string> } }>(`${base}/site`),
    list('halaman'),
    list('layanan'),
    list('dokumen'),
    list('pejabat'),
  ]);
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(now),
  );
  const contact = site.settings.contact ?? {};
  const pageKinds = new Set(pages.map((page) => page.fields['kind']));
  const hasDocument = (category: string, documentYear?: number) =>
    documents.some(
      (document) =>
        document.fields['category'] === category &&
        (documentYear === undefined || document.year === documentYear),
    );
  const gaps: Array<[boolean, string | Gap]> = [
    [!contact['phone'], 'Belum ada nomor telepon'],
    [!contact['address'], 'Belum ada alamat kantor'],
    [!contact['email'], 'Belum ada email resmi'],
    [!pageKinds.has('visi-misi'), 'Belum ada halaman visi dan misi'],
    [!pageKinds.has('tupoksi'), 'Belum ada halaman tugas pokok dan fungsi'],
    [!pageKinds.has('struktur-organisasi'), 'Belum ada struktur organisasi'],
    [officials.length === 0, 'Belum ada data pejabat'],
    [services.length === 0, 'Belum ada layanan yang diterbitkan'],
    [!hasDocument('renja', year), { text: 'Renja {year} belum diunggah', values: { year } }],
    [!hasDocument('maklumat') && !pageKinds.has('maklumat'), 'Maklumat pelayanan belum diunggah'],
    [!pageKinds.has('ppid'), 'Belum ada profil PPID'],
    [!hasDocument('ppid_daftar_informasi_publik'), 'Daftar informasi publik (PPID) belum diunggah'],
  ];
  return gaps
    .filter(([missing]) => missing)
    .map(([, gap]) => (typeof gap === 'string' ? { text: gap } : gap));
}
