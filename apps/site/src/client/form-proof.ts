// The proof of work of the citizens' forms (PPID requests, the satisfaction survey; ALTCHA v2, solved with
// altcha-lib in the browser): from the first time the citizen touches a form, the challenge is fetched from the
// site's own address and worked out in the background (Web Crypto, off the main thread); on sending, the solution rides along in the hidden `altcha` field.
// Without JavaScript, or when anything here fails, the form still goes without it: the server then applies its
// stricter limit, so nobody is locked out by this script.
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';

async function prove(url: string): Promise<string | null> {
  const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) return null;
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return solution ? btoa(JSON.stringify({ challenge, solution })) : null;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-proof]')) {
  const field = form.querySelector<HTMLInputElement>('input[name="altcha"]');
  const status = form.querySelector<HTMLElement>('[data-proof-status]');
  if (!field) continue;
  let proof: Promise<string | null> | null = null;
  const start = () => (proof ??= prove(form.dataset['proof']!).catch(() => null));
  form.addEventListener('focusin', start, { once: true });
  let sending = false;
  form.addEventListener('submit', async (event) => {
    if (sending) return;
    event.preventDefault();
    sending = true;
    if (status) status.textContent = 'Memeriksa formulir…';
    field.value = (await start()) ?? '';
    if (status) status.textContent = '';
    form.submit();
  });
}
