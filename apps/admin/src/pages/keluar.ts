import type { APIRoute } from 'astro';

/** Signing out is a POST (a link could be triggered by another site); it ends the session at the API too. */
export const POST: APIRoute = async ({ locals, redirect }) => {
  await locals.api.signOut();
  return redirect('/masuk');
};
