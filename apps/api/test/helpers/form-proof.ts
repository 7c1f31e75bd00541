import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { type TestApp } from './test-app';

/**
 * What the site's script does in a browser: fetch the OPD's challenge for a form (`ppid/requests` by default,
 * `surveys` for the satisfaction survey), solve it, and encode the payload.
 */
export async function solvedProof(t: TestApp, slug: string, form = 'ppid/requests'): Promise<string> {
  const challenge = (await t.http().get(`/api/v1/public/${slug}/${form}/challenge`)).body as Challenge;
  return encodeProof(challenge);
}

/** The widget's payload for a challenge: base64 JSON of the challenge and its solution. */
export async function encodeProof(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
