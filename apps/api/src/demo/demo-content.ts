import { type INestApplication } from '@nestjs/common';
import { type Principal, type TenantContext } from '../core/access/principal';
import { ContentService } from '../modules/content/content.service';
import { PublishingService } from '../modules/content/publishing.service';
import { type ContentTypeName } from '../modules/content/types/content-type';
import { MediaService } from '../modules/media/media.service';
import { SiteSettingsService } from '../modules/site-settings/site-settings.service';
import { bayJpeg, demoPdf, portraitJpeg, uploadDemoFile } from './demo-files';
import { seedDemoSurveys } from './demo-surveys';

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

interface DemoItem {
  type: ContentTypeName;
  fields: Record<string, unknown>;
}

/** What makes one demo OPD look like itself: its head, its motto, its phone. */
interface Particulars {
  head: { name: string; mediaId: string };
  renjaMediaId: string;
}

function commonItems(shortName: string, name: string, particulars: Particulars): DemoItem[] {
  return [
    {
      type: 'halaman',
      fields: {
        title: 'Visi dan Misi',
        kind: 'visi-misi',
        menuOrder: 1,
        body: doc(
          `Visi ${name}: mewujudkan pelayanan yang cepat, mudah dan terbuka bagi warga Kota Bandar Lampung.`,
          'Misi: meningkatkan kualitas layanan publik, memperluas layanan digital, dan menjaga keterbukaan informasi.',
        ),
      },
    },
    {
      type: 'halaman',
      fields: {
        title: 'Tugas Pokok dan Fungsi',
        kind: 'tupoksi',
        menuOrder: 2,
        body: doc(
          `${shortName} melaksanakan urusan pemerintahan daerah sesuai bidangnya berdasarkan Peraturan Wali Kota.`,
        ),
      },
    },
    {
      type: 'halaman',
      fields: {
        title: 'Sejarah',
        kind: 'sejarah',
        menuOrder: 3,
        body: doc(
          `${name} dibentuk untuk melayani warga Kota Bandar Lampung dan terus berbenah mengikuti perubahan nomenklatur.`,
        ),
      },
    },
    {
      type: 'pejabat',
      fields: {
        name: particulars.head.name,
        position: `Kepala ${shortName}`,
        unit: 'Pimpinan',
        since: '2024-02-01',
        order: 0,
        photo: { mediaId: particulars.head.mediaId },
      },
    },
    {
      type: 'berita',
      fields: {
        title: `${shortName} Gelar Rapat Koordinasi Pelayanan Publik`,
        summary: `Rapat koordinasi membahas peningkatan kualitas layanan ${shortName} tahun 2026.`,
        category: 'Kegiatan',
        tags: ['pelayanan-publik'],
        headline: true,
        body: doc(
          `Bandar Lampung — ${name} menggelar rapat koordinasi pelayanan publik bersama seluruh bidang.`,
          'Rapat menyepakati standar waktu layanan dan pemutakhiran informasi di situs resmi.',
        ),
      },
    },
    {
      type: 'berita',
      fields: {
        title: `Survei Kepuasan Masyarakat ${shortName} 2026 Dibuka`,
        summary: 'Warga diajak mengisi survei kepuasan masyarakat untuk perbaikan layanan.',
        category: 'Pengumuman',
        tags: ['skm'],
        body: doc(
          'Survei kepuasan masyarakat (SKM) dibuka sampai akhir tahun. Hasilnya diumumkan di situs ini.',
        ),
      },
    },
    {
      type: 'pengumuman',
      fields: {
        title: 'Libur Pelayanan Hari Raya',
        body: doc('Pelayanan tutup pada hari libur nasional dan dibuka kembali pada hari kerja berikutnya.'),
        validFrom: '2026-01-01T00:00',
        validUntil: '2027-01-31T23:59',
      },
    },
    {
      type: 'agenda',
      fields: {
        title: 'Forum Konsultasi Publik',
        startsAt: '2026-12-15T09:00',
        endsAt: '2026-12-15T12:00',
        venue: `Aula ${shortName}`,
        organizer: name,
        description: doc('Forum terbuka untuk warga menyampaikan masukan atas rancangan standar pelayanan.'),
      },
    },
    {
      type: 'dokumen',
      fields: {
        title: `Rencana Kerja ${shortName} 2026`,
        category: 'renja',
        year: 2026,
        informationClass: 'berkala',
        files: [{ mediaId: particulars.renjaMediaId, caption: `Renja ${shortName} 2026 (PDF)` }],
        summary: 'Dokumen rencana kerja tahunan.',
      },
    },
    {
      type: 'indikator',
      fields: {
        name: `Indeks Kepuasan Masyarakat ${shortName}`,
        unit: 'indeks',
        direction: 'higher_is_better',
        baselineYear: 2024,
        baselineValue: 78.2,
        values: [
          { year: 2025, target: 80, actual: 81.4 },
          { year: 2026, target: 82 },
        ],
      },
    },
  ];
}

/** The demo's heads of office: made-up names, as an OPD would write them. */
const HEADS = [
  'Drs. Budi Santoso, M.Si.',
  'Ir. Siti Rahmawati, M.T.',
  'Dr. Ahmad Fauzi, S.STP., M.Si.',
  'Hj. Dewi Lestari, S.E., M.M.',
  'Rudi Hartono, S.Kom., M.Kom.',
  'Nurhayati, S.Sos., M.A.P.',
];

const TAGLINES: Record<string, string> = {
  disdukcapil: 'Adminduk cepat, tepat, gratis',
  diskominfo: 'Informasi terbuka, layanan digital untuk warga',
  dpmptsp: 'Izin usaha mudah, cepat dan transparan',
  bapperida: 'Merencanakan Bandar Lampung yang maju, berbasis data dan riset',
};

const SERVICES: Record<string, DemoItem[]> = {
  disdukcapil: [
    {
      type: 'layanan',
      fields: {
        name: 'Penerbitan Kartu Keluarga',
        summary: 'KK baru, perubahan data, atau pengganti KK hilang/rusak.',
        requirements: ['Formulir F-1.02', 'KK lama', 'Buku nikah/akta cerai (bila ada perubahan status)'],
        procedure: [
          'Ambil nomor antrean',
          'Serahkan berkas di loket',
          'Verifikasi petugas',
          'KK dicetak dan diserahkan',
        ],
        processingTime: '1 hari kerja',
        fee: 'Gratis',
        output: 'Kartu Keluarga',
        complaintHandling: 'SP4N-LAPOR!, Hallo Wali Kota, atau loket pengaduan',
        legalBasis: ['UU No. 24 Tahun 2013 tentang Administrasi Kependudukan'],
        deliveryChannels: [
          { kind: 'kantor_opd', name: 'Kantor Disdukcapil' },
          {
            kind: 'mall_pelayanan_publik',
            name: 'Mall Pelayanan Publik Kota Bandar Lampung',
            address: 'Jl. Dokter Susilo, Sumur Batu, Teluk Betung Utara',
          },
          { kind: 'online', appName: 'Permen Manis', url: 'https://bandarlampungkota.go.id' },
        ],
        sector: 'Kependudukan',
        lifeEvents: ['pernikahan', 'pindah domisili'],
        annualUsers: 24_000,
      },
    },
    {
      type: 'layanan',
      fields: {
        name: 'Perekaman KTP Elektronik',
        requirements: ['Berusia 17 tahun atau sudah menikah', 'Fotokopi KK'],
        procedure: ['Datang ke loket perekaman', 'Foto, sidik jari, iris mata', 'Tunggu pencetakan'],
        processingTime: '1 hari kerja (bila blangko tersedia)',
        fee: 'Gratis',
        output: 'KTP-el',
        complaintHandling: 'SP4N-LAPOR!',
        deliveryChannels: [
          { kind: 'kantor_opd' },
          { kind: 'kecamatan', name: 'Kantor camat se-Kota Bandar Lampung' },
        ],
        sector: 'Kependudukan',
        lifeEvents: ['usia 17 tahun'],
        annualUsers: 18_000,
      },
    },
  ],
  dpmptsp: [
    {
      type: 'layanan',
      fields: {
        name: 'Perizinan Berusaha melalui OSS',
        requirements: ['NIK', 'Akun OSS'],
        procedure: ['Daftar di OSS', 'Isi data usaha', 'Terbit NIB'],
        processingTime: 'Sesuai OSS',
        fee: 'Gratis',
        output: 'Nomor Induk Berusaha (NIB)',
        complaintHandling: 'SP4N-LAPOR!',
        deliveryChannels: [
          { kind: 'mall_pelayanan_publik' },
          { kind: 'online', appName: 'Sai Betik', url: 'https://bandarlampungkota.go.id' },
        ],
        sector: 'Perizinan',
        lifeEvents: ['memulai usaha'],
        annualUsers: 6_000,
      },
    },
  ],
};

/**
 * Demo content for the demo OPDs, written through the real services (drafts, publish), so the public API
 * of `pnpm start` has something to show. Only runs right after the demo directory was seeded.
 */
export async function seedDemoContent(
  app: INestApplication,
  tenants: Array<{ tenantId: string; slug: string; name: string; shortName: string; admin: Principal }>,
): Promise<void> {
  const content = app.get(ContentService);
  const publishing = app.get(PublishingService);
  const settings = app.get(SiteSettingsService);
  const media = app.get(MediaService);
  for (const [index, tenant] of tenants.entries()) {
    const context: TenantContext = {
      tenantId: tenant.tenantId,
      slug: tenant.slug,
      status: 'active',
      role: 'tenant_admin',
      duties: [],
      actor: tenant.admin,
    };
    const headName = HEADS[index % HEADS.length]!;
    const particulars: Particulars = {
      head: {
        name: headName,
        mediaId: await uploadDemoFile(media, context, 'kepala.jpg', await portraitJpeg(headName), {
          alt: `Foto ${headName}, Kepala ${tenant.shortName}`,
        }),
      },
      renjaMediaId: await uploadDemoFile(
        media,
        context,
        `renja-${tenant.slug}-2026.pdf`,
        demoPdf(`Rencana Kerja ${tenant.shortName} 2026`, `${tenant.name} - Kota Bandar Lampung`),
        { caption: `Rencana Kerja ${tenant.shortName} 2026` },
      ),
    };
    for (const item of [
      ...commonItems(tenant.shortName, tenant.name, particulars),
      ...(SERVICES[tenant.slug] ?? []),
    ]) {
      const created = await content.create(context, item.type, item.fields);
      await publishing.publish(context, created.id, created.version);
    }
    await seedDemoSurveys(app, tenant.tenantId);
    await content.create(context, 'berita', {
      title: 'Draf: Berita yang belum terbit',
      body: doc('Contoh draf: tidak tampil di situs sampai diterbitkan.'),
    });
    await settings.update(context, 0, {
      tagline:
        TAGLINES[tenant.slug] ??
        `${tenant.shortName}: melayani warga Kota Bandar Lampung dengan cepat dan terbuka`,
      contact: {
        address: `Kantor ${tenant.shortName}, Jl. Dr. Susilo No. 2, Teluk Betung Utara, Bandar Lampung`,
        phone: `0721 ${String(481000 + index * 137).padStart(6, '0')}`,
        email: `${tenant.slug}@bandarlampungkota.go.id`,
        openingHours: 'Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–16.30 WIB',
      },
      brandColor: '#0b5394',
      hero: {
        mediaId: await uploadDemoFile(media, context, 'beranda.jpg', await bayJpeg(index), {
          alt: 'Ilustrasi Teluk Lampung di pagi hari',
        }),
      },
      complaintLinks: [{ label: 'SP4N-LAPOR!', url: 'https://www.lapor.go.id' }],
    });
  }
}
