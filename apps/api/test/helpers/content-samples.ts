import { type ContentTypeName } from '../../src/modules/content/types/content-type';

export function doc(...paragraphs: string[]) {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** Valid fields for every content type, as an OPD editor would fill them in. */
export function sampleFields(type: ContentTypeName, title = 'Contoh konten OPD'): Record<string, unknown> {
  switch (type) {
    case 'berita':
      return {
        title,
        summary: 'Ringkasan berita.',
        body: doc('Isi berita pertama.', 'Paragraf kedua.'),
        category: 'Pelayanan',
        tags: ['ktp-el'],
      };
    case 'pengumuman':
      return {
        title,
        body: doc('Pengumuman penting.'),
        validFrom: '2026-01-01T08:00',
        validUntil: '2099-12-31T17:00',
        urgent: false,
      };
    case 'agenda':
      return {
        title,
        startsAt: '2026-12-10T09:00',
        endsAt: '2026-12-10T12:00',
        venue: 'Aula Kantor',
        description: doc('Acara.'),
      };
    case 'halaman':
      return { title, kind: 'visi-misi', body: doc('Visi: Bandar Lampung maju.'), menuOrder: 1 };
    case 'pejabat':
      return { name: title, position: 'Kepala Dinas', unit: 'Pimpinan', since: '2024-02-01', order: 0 };
    case 'layanan':
      return {
        name: title,
        requirements: ['KTP asli'],
        procedure: ['Datang ke loket', 'Serahkan berkas'],
        processingTime: '1 hari kerja',
        fee: 'Gratis',
        output: 'Dokumen',
        complaintHandling: 'SP4N-LAPOR!',
        deliveryChannels: [{ kind: 'mall_pelayanan_publik', name: 'Mall Pelayanan Publik' }],
      };
    case 'dokumen':
      return {
        title,
        category: 'renja',
        year: 2026,
        informationClass: 'berkala',
        files: [{ url: 'https://contoh.go.id/renja-2026.pdf' }],
      };
    case 'indikator':
      return {
        name: title,
        unit: 'persen',
        direction: 'higher_is_better',
        values: [
          { year: 2024, target: 94, actual: 93.1 },
          { year: 2025, target: 95, actual: 96.4 },
          { year: 2026, target: 97 },
        ],
      };
    case 'galeri':
      return {
        title,
        items: [
          {
            kind: 'image',
            image: { url: 'https://contoh.go.id/foto.jpg', alt: 'Foto kegiatan' },
            caption: 'Kegiatan',
          },
        ],
      };
  }
}
