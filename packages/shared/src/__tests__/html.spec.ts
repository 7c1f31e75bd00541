import { escapeHtml, html, htmlDocument } from '../html.js';

describe('html: server-rendered markup', () => {
  it('escapes every interpolated value, and composes what html built', () => {
    const hostile = `"><script>alert('x')</script>&`;
    const inner = html`<b>${hostile}</b>`;
    expect(html`<p title="${hostile}">${inner}${[1, 2]}${null}${false}</p>`.toString()).toBe(
      `<p title="${escapeHtml(hostile)}"><b>${escapeHtml(hostile)}</b>12</p>`,
    );
    expect(escapeHtml(hostile)).not.toMatch(/[<>"'&](?!#\d+;)/);
  });

  it('writes a whole page in Bahasa Indonesia unless told otherwise', () => {
    const page = (lang?: 'id' | 'en') =>
      htmlDocument({ title: 'Judul <1>', style: 'p{}', body: html`<p>isi</p>`, lang }).toString();
    expect(page()).toContain('<html lang="id">');
    expect(page('en')).toContain('<html lang="en">');
    expect(page()).toContain('<title>Judul &#60;1&#62;</title>');
  });
});
