import { AGENDA } from './agenda';
import { BERITA } from './berita';
import { type ContentTypeDefinition, type ContentTypeName } from './content-type';
import { DOKUMEN } from './dokumen';
import { GALERI } from './galeri';
import { HALAMAN } from './halaman';
import { INDIKATOR } from './indikator';
import { LAYANAN } from './layanan';
import { PEJABAT } from './pejabat';
import { PENGUMUMAN } from './pengumuman';

/** Every content type an OPD site carries, by its URL name. */
export const CONTENT_TYPE_REGISTRY: Record<ContentTypeName, ContentTypeDefinition> = {
  berita: BERITA as ContentTypeDefinition,
  pengumuman: PENGUMUMAN as ContentTypeDefinition,
  agenda: AGENDA as ContentTypeDefinition,
  halaman: HALAMAN as ContentTypeDefinition,
  pejabat: PEJABAT as ContentTypeDefinition,
  layanan: LAYANAN as ContentTypeDefinition,
  dokumen: DOKUMEN as ContentTypeDefinition,
  indikator: INDIKATOR as ContentTypeDefinition,
  galeri: GALERI as ContentTypeDefinition,
};

export function contentType(name: ContentTypeName): ContentTypeDefinition {
  return CONTENT_TYPE_REGISTRY[name];
}
