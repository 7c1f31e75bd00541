export { type Finding, type FindingKind } from './findings.js';
export { compileLexicon, scanText, speaksOfGambling, type SpamGuard, type TextScan } from './guard.js';
export { type HtmlScan, scanHtml } from './html.js';
export {
  ADDABLE_KINDS,
  type AddableKind,
  DEFAULT_LEXICON,
  type Lexicon,
  type LexiconAddition,
  withAdditions,
} from './lexicon.js';
export { isTrustedHost, type LinkContext, linkHost, scanUrl } from './links.js';
export { readWords, skeleton } from './reading.js';
