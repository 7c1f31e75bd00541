/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in person (null on the sign-in page). */
    me: import('./lib/api').Me | null;
    /** Calls the API as the signed-in person, refreshing the session when the access token has expired. */
    api: import('./lib/api').ApiClient;
    /** The interface language (a cookie; Bahasa Indonesia unless English was chosen). */
    locale: import('./lib/i18n').Locale;
    /** Translates a UI text written in Bahasa Indonesia into the interface language. */
    t: import('./lib/i18n').Translate;
  }
}
