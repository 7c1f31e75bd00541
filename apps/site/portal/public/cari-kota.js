// City-wide search on the static portal: Pagefind's index is built with the portal. Each service, story and
// OPD is a heading with an id, so a result points at the entry itself (Pagefind's sub-results).
const target = document.getElementById('hasil');
const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
document.getElementById('cari-situs').value = query;

function entry(url, title, excerpt) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = url;
  link.textContent = title;
  const text = document.createElement('p');
  // Pagefind's excerpt is the page's own text with the matches wrapped in <mark>.
  text.innerHTML = excerpt;
  item.append(link, text);
  return item;
}

if (query) {
  target.textContent = 'Mencari…';
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query);
  const pages = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
  const entries = pages.flatMap((page) =>
    (page.sub_results?.length ? page.sub_results : [page]).map((hit) =>
      entry(hit.url, hit.title ?? page.meta?.title ?? hit.url, hit.excerpt),
    ),
  );
  const heading = document.createElement('p');
  heading.textContent =
    entries.length === 0 ? `Tidak ada hasil untuk "${query}".` : `${entries.length} hasil untuk "${query}".`;
  const list = document.createElement('ol');
  list.append(...entries.slice(0, 30));
  target.replaceChildren(heading, list);
} else {
  target.textContent = 'Tulis kata yang dicari di kotak pencarian.';
}
