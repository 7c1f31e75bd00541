// Site search on the static site: Pagefind's index is built with the site, so searching needs no server.
const target = document.getElementById('hasil');
const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
document.getElementById('cari-situs').value = query;

function render(results, total) {
  const heading = document.createElement('p');
  heading.textContent =
    total === 0 ? `Tidak ada hasil untuk "${query}".` : `${total} hasil untuk "${query}".`;
  const list = document.createElement('ol');
  for (const result of results) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta?.title ?? result.url;
    const excerpt = document.createElement('p');
    // Pagefind's excerpt is the page's own text with the matches wrapped in <mark>.
    excerpt.innerHTML = result.excerpt;
    item.append(link, excerpt);
    list.append(item);
  }
  target.replaceChildren(heading, list);
}

if (query) {
  target.textContent = 'Mencari…';
  // The index comes in sections (a publish re-indexes only the ones it touched): search the first, merged
  // with the others.
  const { sections } = await (await fetch('/pagefind/sections.json')).json();
  const [first, ...others] = sections;
  const pagefind = await import(`${first}pagefind.js`);
  await pagefind.options({ basePath: first });
  for (const section of others) await pagefind.mergeIndex(section);
  const search = await pagefind.search(query);
  render(
    await Promise.all(search.results.slice(0, 20).map((result) => result.data())),
    search.results.length,
  );
} else {
  target.textContent = 'Tulis kata yang dicari di kotak pencarian.';
}
