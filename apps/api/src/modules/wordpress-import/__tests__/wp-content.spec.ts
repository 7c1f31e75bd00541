import { richTextFromHtml, richTextToHtml } from '../../content/rich-text/rich-text';
import { autop, convertWpContent, youtubeId } from '../wp-content';

const BASE = 'https://dinkes.bandarlampungkota.go.id';
const context = {
  baseUrl: BASE,
  attachment: (id: number) =>
    id === 11 || id === 12
      ? { url: `${BASE}/wp-content/uploads/2023/05/foto-${id}.jpg`, alt: `Foto ${id}` }
      : null,
};

/** What an imported post reads as once it went through the editor's sanitiser and schema. */
const published = (content: string) =>
  richTextToHtml(richTextFromHtml(convertWpContent(content, context).html));

describe('WordPress content to the editor’s rich text', () => {
  it('turns classic-editor text into paragraphs and line breaks (wpautop)', () => {
    expect(autop('Baris satu\nbaris dua\n\nParagraf kedua\n\n<ul><li>butir</li></ul>')).toBe(
      '<p>Baris satu<br>\nbaris dua</p>\n<p>Paragraf kedua</p>\n<ul><li>butir</li></ul>',
    );
    expect(published('Baris satu\nbaris dua\n\nParagraf kedua')).toBe(
      '<p>Baris satu<br />baris dua</p><p>Paragraf kedua</p>',
    );
  });

  it('keeps block-editor markup without its comments, and the figure caption under the image', () => {
    const blocks = `<!-- wp:paragraph -->
<p>Vaksinasi di <strong>Puskesmas Kedaton</strong>.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":11,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="/wp-content/uploads/2023/05/foto-11-1024x683.jpg" alt="Antrean vaksin" class="wp-image-11"/><figcaption>Warga mengantre sejak pagi</figcaption></figure>
<!-- /wp:image -->

<!-- wp:latest-posts /-->`;
    const converted = convertWpContent(blocks, context);
    expect(converted.images).toEqual([`${BASE}/wp-content/uploads/2023/05/foto-11-1024x683.jpg`]);
    expect(published(blocks)).toBe(
      '<p>Vaksinasi di <strong>Puskesmas Kedaton</strong>.</p>' +
        `<img src="${BASE}/wp-content/uploads/2023/05/foto-11-1024x683.jpg" alt="Antrean vaksin" />` +
        '<p><em>Warga mengantre sejak pagi</em></p>',
    );
  });

  it('turns [caption] into the image with its caption as alt text and a line under it', () => {
    const html = published(
      `[caption id="attachment_11" align="aligncenter" width="300"]<img src="${BASE}/wp-content/uploads/2023/05/foto-11.jpg" alt="" width="300" height="200" /> Kepala dinas meninjau posyandu[/caption]\n\nTeks berita.`,
    );
    expect(html).toContain(`alt="Kepala dinas meninjau posyandu"`);
    expect(html).toContain('<p><em>Kepala dinas meninjau posyandu</em></p><p>Teks berita.</p>');
  });

  it('turns [gallery ids] into the attachments’ images and warns about ids the export lacks', () => {
    const converted = convertWpContent('[gallery columns="3" ids="11,12,99"]', context);
    expect(converted.images).toEqual([
      `${BASE}/wp-content/uploads/2023/05/foto-11.jpg`,
      `${BASE}/wp-content/uploads/2023/05/foto-12.jpg`,
    ]);
    expect(converted.warnings).toEqual(['Galeri menyebut lampiran 99 yang tidak ada di berkas ekspor']);
  });

  it('turns YouTube embeds and bare YouTube lines into the editor’s video, other embeds into links', () => {
    expect(youtubeId('https://youtu.be/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
    const html = published(
      'Tonton:\n\n[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]\n\nhttps://youtu.be/oHg5SJYRHA0\n\n[embed]https://vimeo.com/12345[/embed]',
    );
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/oHg5SJYRHA0');
    expect(html).toContain(
      '<a target="_blank" rel="noopener noreferrer nofollow" href="https://vimeo.com/12345">',
    );
  });

  it('keeps the content of page-builder shortcodes, drops the rest with a warning, leaves plain brackets', () => {
    const converted = convertWpContent(
      '[vc_row][vc_column width="1/2"]Jadwal pelayanan [Update][/vc_column][/vc_row]\n\n[contact-form-7 id="5" title="Kontak"]\n\nTulis [[gallery]] untuk galeri. [Foto: Humas]',
      context,
    );
    expect(converted.html).toContain('Jadwal pelayanan [Update]');
    expect(converted.html).not.toContain('vc_');
    expect(converted.html).toContain('Tulis [gallery] untuk galeri. [Foto: Humas]');
    expect(converted.warnings).toEqual([
      'Kode pendek [contact-form-7] dibuang (tidak ada padanannya di Laman)',
    ]);
  });

  it('never lets script, styles or event handlers through, and makes relative links absolute', () => {
    const converted = convertWpContent(
      '<p onclick="x()">Lihat <a href="/layanan/">layanan</a></p><script>alert(1)</script><style>p{}</style>',
      context,
    );
    expect(converted.links).toEqual([`${BASE}/layanan/`]);
    const html = richTextToHtml(richTextFromHtml(converted.html));
    expect(html).not.toMatch(/script|onclick|alert|style/);
    expect(html).toContain(`href="${BASE}/layanan/"`);
  });
});
