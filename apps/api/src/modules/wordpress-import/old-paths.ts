/** The query parameters WordPress addresses items by on its front page (`/?p=12`, `/?page_id=3`). */
const ID_PARAMETERS = ['p', 'page_id', 'attachment_id'];

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * One old address as the import keeps it and as a request for it is looked up: the path decoded and in lower
 * case, without its trailing slash, `/index.php` read as `/`; on the front page, the item id WordPress put in the
 * query (`/?p=12`), every other query (tracking, paging) dropped. So `/2023/02/Rapat/`, `/2023/02/rapat` and
 * `/2023/02/rapat/?utm_source=x` are one address. Null for what is not an address on the site.
 */
export function oldPathKey(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address, 'http://old.site');
  } catch {
    return null;
  }
  let path = decoded(url.pathname).toLowerCase().replace(/\/+$/, '') || '/';
  if (path === '/index.php') path = '/';
  if (path !== '/') return path;
  const id = ID_PARAMETERS.map((name) => [name, url.searchParams.get(name)] as const).find(
    ([, value]) => value && /^\d+$/.test(value),
  );
  return id ? `/?${id[0]}=${Number(id[1])}` : null;
}
