import { readWords } from './reading.js';

/** A term as the guard compares it: its read words and those words run together. */
export interface ReadTerm {
  term: string;
  compact: string;
  words: number;
}

export function readTerm(term: string): ReadTerm {
  const words = readWords(term);
  return { term, compact: words.join(''), words: words.length };
}

/** Terms this long are distinctive enough to be found inside a longer word (`slotgacor88`). */
const MIN_EMBEDDED = 5;
/** What may be glued to the end of a term (`gacor88`, `rtp live777`): a number or a short tag. */
const MAX_TAIL = 4;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the words starting at `start` spell the term (the last word's index), as one word or several run
 * together, with at most a short tail glued on. Words are never joined across their middles, so "juga coretan" does not spell "gacor".
 */
function spellsAt(words: readonly string[], start: number, term: ReadTerm): number | null {
  let joined = '';
  for (let end = start; end < words.length && end < start + term.words + 1; end += 1) {
    const before = joined.length;
    joined += words[end];
    if (joined === term.compact) return end;
    const tail = joined.length - term.compact.length;
    if (before < term.compact.length && joined.startsWith(term.compact) && tail > 0 && tail <= MAX_TAIL)
      return end;
    if (joined.length >= term.compact.length || !term.compact.startsWith(joined)) return null;
  }
  return null;
}

/** Where a term was spelt: the read words `start`..`end`. */
export interface TermMatch {
  term: ReadTerm;
  start: number;
  end: number;
}

/** A list of terms, indexed so a long text is read once, not once per term. */
export class TermSet {
  readonly terms: readonly ReadTerm[];
  private readonly embedded: RegExp | null;
  private readonly byFirstLetter = new Map<string, ReadTerm[]>();

  constructor(terms: readonly string[]) {
    this.terms = terms.map(readTerm).filter((term) => term.compact.length > 0);
    const long = this.terms.filter((term) => term.compact.length >= MIN_EMBEDDED);
    this.embedded = long.length ? new RegExp(long.map((term) => escapeRegExp(term.compact)).join('|')) : null;
    for (const term of this.terms) {
      const first = term.compact[0] as string;
      this.byFirstLetter.set(first, [...(this.byFirstLetter.get(first) ?? []), term]);
    }
  }

  /** The first term the words spell (a long term may also sit inside one word), or null. */
  find(words: readonly string[]): TermMatch | null {
    for (let start = 0; start < words.length; start += 1) {
      const word = words[start] as string;
      for (const term of this.byFirstLetter.get(word[0] ?? '') ?? []) {
        const end = spellsAt(words, start, term);
        if (end !== null) return { term, start, end };
      }
      const inside = this.embedded?.exec(word);
      const term = inside && this.terms.find((candidate) => candidate.compact === inside[0]);
      if (term) return { term, start, end: start };
    }
    return null;
  }

  /** Every term the words spell, each once. */
  findAll(words: readonly string[]): ReadTerm[] {
    return this.terms.filter((term) => new TermSet([term.term]).find(words) !== null);
  }
}

/** Stems that name a gambling site when glued to a number (`slot88`, `88toto`). */
export class StemSet {
  readonly stems: readonly ReadTerm[];
  private readonly numbered: RegExp | null;

  constructor(stems: readonly string[]) {
    this.stems = stems.map(readTerm).filter((stem) => stem.compact.length > 0);
    const names = this.stems.map((stem) => escapeRegExp(stem.compact)).join('|');
    this.numbered = names ? new RegExp(`^(?:(${names})\\d{2,}|\\d{2,}(${names}))$`) : null;
  }

  /** The first word that is a stem glued to a number, with its stem, or null. */
  numberedName(words: readonly string[]): { stem: string; index: number } | null {
    for (const [index, word] of words.entries()) {
      const match = this.numbered?.exec(word);
      const compact = match?.[1] ?? match?.[2];
      const stem = compact && this.stems.find((candidate) => candidate.compact === compact);
      if (stem) return { stem: stem.term, index };
    }
    return null;
  }

  /** Whether a word of a host name is built on a stem: `slot`, `slot88`, `88slot`, `situstoto`. */
  namesHost(word: string): boolean {
    if (this.numberedName([word])) return true;
    return this.stems.some(
      (stem) =>
        word === stem.compact ||
        (stem.compact.length >= 4 && (word.startsWith(stem.compact) || word.endsWith(stem.compact))),
    );
  }
}
