import { oldPathKey } from '../old-paths';

describe('old WordPress addresses as the redirects keep and look them up', () => {
  it.each([
    ['https://dinas.go.id/2023/02/rapat-koordinasi/', '/2023/02/rapat-koordinasi'],
    ['/2023/02/Rapat-Koordinasi', '/2023/02/rapat-koordinasi'],
    ['/2023/02/rapat-koordinasi/?utm_source=facebook&fbclid=x', '/2023/02/rapat-koordinasi'],
    ['/berita/kegiatan/rapat%20koordinasi/', '/berita/kegiatan/rapat koordinasi'],
    ['/wp-content/uploads/2021/03/Foto.JPG', '/wp-content/uploads/2021/03/foto.jpg'],
    ['https://dinas.go.id/?p=123', '/?p=123'],
    ['/index.php?p=0123&utm_medium=x', '/?p=123'],
    ['/?utm=1&page_id=7', '/?page_id=7'],
    ['/?attachment_id=99', '/?attachment_id=99'],
    ['/%E0%A4%A', '/%e0%a4%a'],
  ])('%s → %s', (address, key) => {
    expect(oldPathKey(address)).toBe(key);
  });

  it.each([['/'], ['/?s=banjir'], ['/index.php'], ['/?p=abc'], ['https://dinas.go.id']])(
    '%s is the front page, never an imported address',
    (address) => {
      expect(oldPathKey(address)).toBeNull();
    },
  );
});
