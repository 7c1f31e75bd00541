import type { Field } from './spec';

/** The site settings a tenant admin edits (the brand colour has its own input with a contrast check). */
export const SETTINGS_FIELDS: Field[] = [
  { kind: 'text', name: 'tagline', label: 'Slogan', max: 160 },
  {
    kind: 'photo',
    name: 'logo',
    label: 'Logo',
    hint: 'Tampil di kepala setiap halaman situs, di samping lambang kota.',
  },
  {
    kind: 'photo',
    name: 'hero',
    label: 'Foto utama beranda',
    hint: 'Foto lebar kantor, loket layanan atau kegiatan; tampil di beranda di atas berita. Paling baik 1600×600 piksel.',
  },
  {
    kind: 'group',
    name: 'contact',
    label: 'Kontak',
    fields: [
      { kind: 'text', name: 'address', label: 'Alamat kantor' },
      {
        kind: 'text',
        name: 'phone',
        label: 'Nomor telepon',
        hint: 'Nomor yang benar-benar dijawab, mis. 0721 252041',
        input: 'tel',
      },
      { kind: 'text', name: 'whatsapp', label: 'WhatsApp layanan', input: 'tel' },
      { kind: 'text', name: 'email', label: 'Email resmi', input: 'email' },
      { kind: 'text', name: 'openingHours', label: 'Jam layanan', hint: 'Mis. Senin–Jumat 08.00–16.00 WIB' },
    ],
  },
  {
    kind: 'rows',
    name: 'menu',
    label: 'Menu situs',
    hint: 'Urutan menu di setiap halaman; "Naikkan" untuk memindah. Tiap menu: jalur situs (/berita/), alamat https, atau slug halaman profil.',
    rowLabel: 'Menu',
    addLabel: 'Tambah menu',
    fields: [
      { kind: 'text', name: 'label', label: 'Nama menu', max: 60 },
      { kind: 'text', name: 'href', label: 'Tautan', hint: 'Mis. /layanan/ atau https://…' },
      { kind: 'text', name: 'pageSlug', label: 'Slug halaman profil', hint: 'Mis. visi-misi' },
    ],
  },
  {
    kind: 'rows',
    name: 'complaintLinks',
    label: 'Tautan pengaduan',
    hint: 'Kanal pengaduan yang tampil di setiap halaman, mis. SP4N-LAPOR!',
    rowLabel: 'Tautan',
    addLabel: 'Tambah tautan pengaduan',
    fields: [
      { kind: 'text', name: 'label', label: 'Nama layanan pengaduan', max: 80 },
      { kind: 'text', name: 'url', label: 'Alamat (https://…)', input: 'url' },
    ],
  },
  {
    kind: 'group',
    name: 'social',
    label: 'Media sosial',
    fields: ['facebook', 'instagram', 'x', 'youtube', 'tiktok'].map((name): Field => ({
      kind: 'text',
      name,
      label: name === 'x' ? 'X (Twitter)' : name.charAt(0).toUpperCase() + name.slice(1),
      input: 'url',
    })),
  },
  { kind: 'textarea', name: 'footerText', label: 'Teks kaki halaman', max: 1000, rows: 3 },
];
