import { CLEAN_CORPUS, caseHtml, EVASION_CORPUS } from '../corpus/index.js';
import { compileLexicon, DEFAULT_LEXICON, scanHtml } from '../index.js';

const guard = compileLexicon(DEFAULT_LEXICON);
const context = {
  siteHost: 'disdukcapil.bandarlampungkota.go.id',
  trustedHosts: ['bandarlampungkota.go.id'],
};
const held = (html: string) => scanHtml(guard, html, context).findings.length > 0;

describe('the evasion corpus', () => {
  it('has at least 50 cases, each with its own id', () => {
    expect(EVASION_CORPUS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(EVASION_CORPUS.map((entry) => entry.id)).size).toBe(EVASION_CORPUS.length);
  });

  it.each(EVASION_CORPUS.map((entry) => [entry.id, entry.technique, entry] as const))(
    'holds %s (%s)',
    (_id, _technique, entry) => {
      expect(held(caseHtml(entry))).toBe(true);
    },
  );
});

describe('the clean Indonesian corpus', () => {
  it.each(CLEAN_CORPUS.map((entry) => [entry.id, entry] as const))('never holds %s', (_id, entry) => {
    expect(scanHtml(guard, caseHtml(entry), context).findings).toEqual([]);
  });

  it('notes news about fighting gambling as a mention, not spam', () => {
    const news = CLEAN_CORPUS.find((entry) => entry.id === 'judol-campaign');
    expect(scanHtml(guard, caseHtml(news!), context).mentions).toEqual(
      expect.arrayContaining(['judi online', 'judi slot']),
    );
  });
});
