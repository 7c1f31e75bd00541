/**
 * A form post is read once, here, before any page: a body that is not a form (JSON, text) or a broken
 * multipart body gets a plain 4xx page instead of an error deep inside the page that would read it.
 */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

export async function readFormOnce(request: Request): Promise<Response | null> {
  if (request.method !== 'POST') return null;
  if (!FORM_TYPES.test(request.headers.get('content-type') ?? '')) {
    return refusal(415, 'Jenis kiriman tidak didukung', 'Halaman ini hanya menerima formulir.');
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refusal(
      400,
      'Formulir tidak dapat dibaca',
      'Kiriman formulir rusak atau terpotong. Muat ulang halaman dan coba lagi.',
    );
  }
  // Pages read the form as usual; they get the one already parsed.
  Object.defineProperty(request, 'formData', { value: () => Promise.resolve(form) });
  return null;
}

function refusal(status: number, title: string, text: string): Response {
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Laman</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Kembali ke Laman</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
