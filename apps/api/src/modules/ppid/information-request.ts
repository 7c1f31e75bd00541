import { randomBytes } from 'node:crypto';

export const REQUEST_STATUSES = [
  'received',
  'clarification',
  'extended',
  'granted',
  'partly_granted',
  'refused',
  'not_held',
  'forwarded',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What the requester reads on the status page. */
export const STATUS_LABELS: Record<RequestStatus, string> = {
  received: 'Diterima, sedang diproses',
  clarification: 'Menunggu penjelasan dari pemohon',
  extended: 'Diperpanjang',
  granted: 'Dikabulkan',
  partly_granted: 'Dikabulkan sebagian',
  refused: 'Ditolak',
  not_held: 'Informasi tidak dikuasai',
  forwarded: 'Diteruskan ke OPD lain',
};

/** UU 14/2008 art. 22(7): a written answer within 10 working days of receipt. */
export const ANSWER_WORKING_DAYS = 10;

export const DELIVERIES = ['email', 'pickup', 'post'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A tracking code such as `PPID-7K3M-Q9TX`: 40 random bits, looked up only together with the contact given. */
export function trackingCode(bytes: Buffer = randomBytes(5)): string {
  let bits = 0n;
  for (const byte of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let index = 0; index < 8; index++) {
    text = ALPHABET[Number(bits & 31n)] + text;
    bits >>= 5n;
  }
  return `PPID-${text.slice(0, 4)}-${text.slice(4)}`;
}

/** A typed code as the register holds it: upper case, the look-alike letters read as digits, dashes placed. */
export function normaliseCode(typed: string): string {
  const text = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/^PPID/, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return `PPID-${text.slice(0, 4)}-${text.slice(4)}`;
}

/** An e-mail address or phone number as the requester may type it again later: one form for each. */
export function normaliseContact(contact: string): string {
  const text = contact.trim().toLowerCase();
  if (text.includes('@')) return text;
  const digits = text.replace(/\D/g, '');
  return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
}
