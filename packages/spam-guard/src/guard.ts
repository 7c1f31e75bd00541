import { type Finding, finding } from './findings.js';
import { type Lexicon } from './lexicon.js';
import { StemSet, TermSet } from './matching.js';
import { excerpt, readText, readWords } from './reading.js';

/** A lexicon read once, ready to scan many texts. */
export interface SpamGuard {
  hold: TermSet;
  topic: TermSet;
  stems: StemSet;
  shorteners: Set<string>;
}

export function compileLexicon(lexicon: Lexicon): SpamGuard {
  return {
    hold: new TermSet(lexicon.hold),
    topic: new TermSet(lexicon.topic),
    stems: new StemSet(lexicon.stems),
    shorteners: new Set(lexicon.shorteners.map((host) => host.toLowerCase())),
  };
}

/** What a piece of plain text holds: spam (held) and mentions of the topic (noted). */
export interface TextScan {
  findings: Finding[];
  mentions: string[];
}

/** Reads a text like a person would and reports promotional slang and gambling-site names. */
export function scanText(guard: SpamGuard, text: string): TextScan {
  if (!text.trim()) return { findings: [], mentions: [] };
  const read = readText(text);
  const words = read.words.map((entry) => entry.word);
  const findings: Finding[] = [];
  const promo = guard.hold.find(words);
  if (promo)
    findings.push(
      finding(
        'promo',
        `istilah promosi judi online "${promo.term.term}"`,
        excerpt(read, promo.start, promo.end),
      ),
    );
  const name = guard.stems.numberedName(words);
  if (name)
    findings.push(
      finding(
        'numbered-name',
        `nama situs judi: "${name.stem}" dengan angka`,
        excerpt(read, name.index, name.index),
      ),
    );
  return { findings, mentions: guard.topic.findAll(words).map((term) => term.term) };
}

/** Whether a text speaks of gambling at all (the topic, or anything held). */
export function speaksOfGambling(guard: SpamGuard, text: string): boolean {
  const words = readWords(text);
  return (
    guard.topic.find(words) !== null ||
    guard.hold.find(words) !== null ||
    guard.stems.numberedName(words) !== null
  );
}
