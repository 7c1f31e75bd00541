import { type CleanCase } from './clean.js';
import { type EvasionCase } from './evasion.js';

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A corpus case as the published HTML of a content item would carry it. */
export function caseHtml(entry: EvasionCase | CleanCase): string {
  const parts: string[] = [];
  if (entry.text) parts.push(`<p>${escape(entry.text)}</p>`);
  if (entry.link) parts.push(`<p><a href="${escape(entry.link.href)}">${escape(entry.link.text)}</a></p>`);
  if (entry.alt !== undefined) parts.push(`<img src="/media/foto.jpg" alt="${escape(entry.alt)}">`);
  if ('imageTitle' in entry && entry.imageTitle)
    parts.push(`<img src="/media/foto.jpg" alt="Foto kegiatan" title="${escape(entry.imageTitle)}">`);
  return parts.join('\n');
}
