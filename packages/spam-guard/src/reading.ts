import { remove as withoutConfusables } from 'confusables';
import unhomoglyph from 'unhomoglyph';

/**
 * How the guard reads text: the way a person sees it, not the way it is encoded. Spam hides its words from
 * simple matching with characters that show nothing (zero-width spaces, joiners, soft hyphens, bidi marks),
 * look-alike letters from other scripts (Cyrillic `а` for Latin `a`, fullwidth and mathematical letters),
 * digits and symbols for letters (`g4c0r`, `$lot`), and separators between letters (`s-l-o-t`, `g a c o r`).
 * Each step below undoes one of those; the lexicon's terms are read the same way, so both sides meet.
 */

/** Characters that render as nothing or only modify the one before: format (Cf), combining marks, fillers. */
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}\u034F\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Digits and symbols that stand for letters when they sit inside a word. */
const LETTER_FOR: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '€': 'e',
};
const STAND_IN = /[0-9@$!|€]/;

/**
 * Unicode normalisation, then look-alikes folded to the letters they imitate: `confusables` knows the "fancy
 * text" styles (small capitals, letter-like symbols), `unhomoglyph` the Unicode TR39 confusable skeleton. What
 * remains is lower-case; `m` and `rn` share a skeleton, as they do on screen.
 */
export function skeleton(text: string): string {
  const visible = text.normalize('NFKD').replace(INVISIBLE, '').normalize('NFKC');
  // Digits are left for `foldWord`, which knows a number (2026) from a stand-in (g4c0r); TR39 alone reads
  // every 0 as o and every 1 as l.
  return visible.replace(/[^0-9]+/g, (run) =>
    unhomoglyph(withoutConfusables(run).toLowerCase()).toLowerCase(),
  );
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}

const isDigit = (char: string | undefined): boolean => char !== undefined && /[0-9]/.test(char);

/**
 * Whether a stand-in at `index` imitates a letter: a digit next to a letter and not part of a number
 * (`g4c0r`, `5lot`, but not `slot88`), a symbol followed by a letter (`$lot`, `j@ckpot`, but not `Daftar!`).
 */
function standsForLetter(chars: string[], index: number): boolean {
  const [before, char, after] = [chars[index - 1], chars[index], chars[index + 1]];
  if (!isDigit(char)) return isLetter(after);
  return !isDigit(before) && !isDigit(after) && (isLetter(before) || isLetter(after));
}

/**
 * Folds stand-ins inside one word (`g4c0r` → `gacor`, `5lot` → `slot`, `slot88` stays) and drops what is
 * neither letter nor digit (`s-l-o-t`, `g.a.c.o.r`). `l` and `i` are one letter here, as `1`, `l`, `I` and `|`
 * are to a reader.
 */
export function foldWord(word: string): string {
  const chars = [...word];
  const folded = chars.map((char, index) =>
    STAND_IN.test(char) && standsForLetter(chars, index) ? (LETTER_FOR[char] ?? char) : char,
  );
  return folded
    .join('')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/l/g, 'i');
}

/** Three or more single characters in a row were one word spaced out (`s l o t`, `g . a . c . o . r`). */
const MIN_SPACED_RUN = 3;

/** A word as read, and where it came from: the range of the text's whitespace-separated pieces. */
export interface ReadWord {
  word: string;
  from: number;
  to: number;
}

function joinSpacedLetters(words: ReadWord[]): ReadWord[] {
  const joined: ReadWord[] = [];
  let run: ReadWord[] = [];
  const flush = () => {
    const [first, last] = [run[0], run[run.length - 1]];
    if (first && last && run.length >= MIN_SPACED_RUN)
      joined.push({ word: run.map((entry) => entry.word).join(''), from: first.from, to: last.to });
    else joined.push(...run);
    run = [];
  };
  for (const entry of words) {
    if ([...entry.word].length === 1) run.push(entry);
    else {
      flush();
      joined.push(entry);
    }
  }
  flush();
  return joined;
}

/** A text as the guard reads it: its pieces as written, and its words as compared. */
export interface ReadText {
  pieces: string[];
  words: ReadWord[];
}

/** Reads a text: skeleton, stand-ins folded, separators gone, spaced-out letters joined. */
export function readText(text: string): ReadText {
  const pieces = text.split(/[\s\p{Z}]+/u).filter((piece) => piece.length > 0);
  const seen = new Map<string, string>();
  const read = (piece: string) => {
    let word = seen.get(piece);
    if (word === undefined) seen.set(piece, (word = foldWord(skeleton(piece))));
    return word;
  };
  const words = pieces
    .map((piece, index) => ({ word: read(piece), from: index, to: index }))
    .filter((entry) => entry.word.length > 0);
  return { pieces, words: joinSpacedLetters(words) };
}

/** The words of a text as the guard compares them. */
export function readWords(text: string): string[] {
  return readText(text).words.map((entry) => entry.word);
}

/** The written text around words `from`..`to` (read-word indices), as evidence for a person. */
export function excerpt(read: ReadText, from: number, to: number): string {
  const first = read.words[from]?.from ?? 0;
  const last = read.words[to]?.to ?? first;
  const start = Math.max(0, first - 3);
  const prefix = start > 0 ? '… ' : '';
  const suffix = last + 4 < read.pieces.length ? ' …' : '';
  return `${prefix}${read.pieces.slice(start, last + 4).join(' ')}${suffix}`;
}
