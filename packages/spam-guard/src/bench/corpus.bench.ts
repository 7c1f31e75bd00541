// `pnpm bench`: how the spam guard does on its corpora (held/total, false positives) and how long it reads.
import { performance } from 'node:perf_hooks';
import { CLEAN_CORPUS, caseHtml, EVASION_CORPUS } from '../corpus/index.js';
import { compileLexicon, DEFAULT_LEXICON, scanHtml } from '../index.js';

const guard = compileLexicon(DEFAULT_LEXICON);
const context = {
  siteHost: 'disdukcapil.bandarlampungkota.go.id',
  trustedHosts: ['bandarlampungkota.go.id'],
};
const isHeld = (html: string) => scanHtml(guard, html, context).findings.length > 0;

const held = EVASION_CORPUS.filter((entry) => isHeld(caseHtml(entry))).length;
const falsePositives = CLEAN_CORPUS.filter((entry) => isHeld(caseHtml(entry))).length;

// A long news article (about 6,000 words of clean text), read the way publishing reads one item.
const article = CLEAN_CORPUS.map(caseHtml).join('\n').repeat(20);
const rounds = 50;
const started = performance.now();
for (let round = 0; round < rounds; round += 1) scanHtml(guard, article, context);
const perArticleMs = (performance.now() - started) / rounds;

console.log('Spam guard (packages/spam-guard)');
console.log(
  `  evasion corpus held:        ${held}/${EVASION_CORPUS.length} (false negatives: ${EVASION_CORPUS.length - held})`,
);
console.log(`  clean corpus held:          ${falsePositives}/${CLEAN_CORPUS.length} (false positives)`);
console.log(`  read time, ${Math.round(article.length / 1024)} KiB article: ${perArticleMs.toFixed(1)} ms`);
