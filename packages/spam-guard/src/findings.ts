/** What the guard found, in words an OPD editor understands (Bahasa Indonesia). */
export type FindingKind =
  | 'promo'
  | 'numbered-name'
  | 'hidden-text'
  | 'hidden-link'
  | 'gambling-link'
  | 'shortener'
  | 'ip-address'
  | 'look-alike';

export interface Finding {
  kind: FindingKind;
  /** Why, for the author: names the term or the address. */
  reason: string;
  /** The text or address it was found in, shortened. */
  evidence: string;
}

const SNIPPET = 80;

export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

export function finding(kind: FindingKind, reason: string, evidence: string): Finding {
  return { kind, reason, evidence: snippet(evidence) };
}
