export { CLEAN_CORPUS, type CleanCase } from './clean.js';
export { EVASION_CORPUS, type EvasionCase } from './evasion.js';
export { caseHtml } from './as-html.js';
