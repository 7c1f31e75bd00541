/**
 * What the guard looks for. The defaults below ship with Laman; Diskominfotik adds terms at run time (the
 * API's `spam_terms` table), which are merged in with `withAdditions`. Terms are written as people write
 * them: the guard reads them with the same eyes as the text (see `reading.ts`).
 */
export interface Lexicon {
  /** Promotional slang and the brand names spam uses: genuine government text never says them. Held. */
  hold: readonly string[];
  /**
   * Words of the topic itself: an OPD may well write about a raid or a blocking campaign. Noted, never held
   * alone; in hidden text or in the host of an outside link they are spam.
   */
  topic: readonly string[];
  /** Words that name a gambling site when glued to a number or standing as a host's name (`slot88`, `toto4d`). */
  stems: readonly string[];
  /** Link shorteners: a shortened link hides where it goes, and defacements use them to dodge checks. */
  shorteners: readonly string[];
}

export const DEFAULT_LEXICON: Lexicon = {
  hold: [
    'gacor',
    'maxwin',
    'sbobet',
    'scatter hitam',
    'rtp live',
    'rtp slot',
    'bocoran rtp',
    'pola gacor',
    'slot gacor',
    'slot online terpercaya',
    'daftar slot',
    'link slot',
    'login slot',
    'agen slot',
    'slot thailand',
    'akun pro',
    'slot server thailand',
    'slot deposit',
    'slot zeus',
    'kakek zeus',
    'anti rungkad',
    'depo pulsa',
    'deposit pulsa',
    'depo dana',
    'bonus new member',
    'new member 100',
    'mahjong ways',
    'gates of olympus',
    'sweet bonanza',
    'starlight princess',
    'pragmatic play',
    'pgsoft',
    'joker123',
    'idnplay',
    'idn poker',
    'dominoqq',
    'domino qq',
    'bandarqq',
    'capsa susun',
    'sv388',
    'toto macau',
    'toto togel',
    'togel4d',
    'toto4d',
    'togel sgp',
    'togel hk',
    'situs toto',
    'live casino',
    'poker online',
    'jackpot maxwin',
    'spaceman slot',
  ],
  topic: [
    'judi',
    'judol',
    'judi online',
    'judi slot',
    'judi bola',
    'togel',
    'perjudian',
    'kasino',
    'casino',
    'taruhan',
  ],
  stems: [
    'slot',
    'togel',
    'toto',
    'judi',
    'judol',
    'gacor',
    'hoki',
    'zeus',
    'casino',
    'kasino',
    'poker',
    'bet',
    'qq',
  ],
  shorteners: [
    'bit.ly',
    's.id',
    'tinyurl.com',
    't.co',
    'cutt.ly',
    'rebrand.ly',
    'shorturl.at',
    'is.gd',
    'v.gd',
    'rb.gy',
    'ow.ly',
    'goo.gl',
    'tiny.cc',
    't.ly',
    'linktr.ee',
    'heylink.me',
    'shorten.id',
  ],
};

/** Kinds of term Diskominfotik can add without a release. */
export const ADDABLE_KINDS = ['hold', 'shorteners'] as const;
export type AddableKind = (typeof ADDABLE_KINDS)[number];

export interface LexiconAddition {
  kind: AddableKind;
  term: string;
}

/** The defaults plus the platform's own additions. */
export function withAdditions(base: Lexicon, additions: readonly LexiconAddition[]): Lexicon {
  const add = (kind: AddableKind) =>
    additions.filter((addition) => addition.kind === kind).map((addition) => addition.term);
  return {
    ...base,
    hold: [...base.hold, ...add('hold')],
    shorteners: [...base.shorteners, ...add('shorteners').map((host) => host.toLowerCase())],
  };
}
