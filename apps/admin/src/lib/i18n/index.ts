import { EN } from './en';

/** Bahasa Indonesia first; English as the second locale. */
export type Locale = 'id' | 'en';
export const LOCALE_COOKIE = 'laman_bahasa';

/** Translates a UI text written in Bahasa Indonesia; `{name}` placeholders are filled from `values`. */
export type Translate = (text: string, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (text, values) => {
    const template = locale === 'en' ? (EN[text] ?? text) : text;
    return values
      ? template.replace(/\{(\w+)\}/g, (whole: string, key: string) => String(values[key] ?? whole))
      : template;
  };
}

export const localeFrom = (cookie: string | undefined): Locale => (cookie === 'en' ? 'en' : 'id');
