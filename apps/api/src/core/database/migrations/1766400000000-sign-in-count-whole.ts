import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A guessing client was let through one extra time when its guesses were slow: the count decays continuously,
 * and eight failures a few seconds apart came to 7.9, rounded to two places, under a threshold of 8 (seen on a
 * busy machine, where each failed sign-in took a few hundred milliseconds). A burst of failures now counts as
 * whole failures: the decayed score is rounded to the nearest whole number before it meets the threshold, so
 * it takes minutes of quiet, not seconds, to fall a failure short. The wait still doubles with each whole
 * failure past the threshold (from the score itself, as before); decay is unchanged.
 */
export class SignInCountWhole1766400000000 implements MigrationInterface {
  name = 'SignInCountWhole1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(recordFailure('round(decayed::numeric)'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(recordFailure('round(decayed::numeric, 2)'));
  }
}

function recordFailure(counting: string): string {
  return `
    CREATE OR REPLACE FUNCTION record_sign_in_failure(
      p_key text, p_threshold double precision, p_half_life_seconds double precision,
      p_base_seconds double precision, p_cap_seconds double precision
    ) RETURNS timestamptz LANGUAGE plpgsql AS $$
    DECLARE
      decayed double precision;
      counted numeric;
      wait_until timestamptz;
    BEGIN
      INSERT INTO sign_in_failures AS f (key, score, updated_at) VALUES (p_key, 1, now())
      ON CONFLICT (key) DO UPDATE
        SET score = f.score * power(0.5, extract(epoch FROM now() - f.updated_at) / p_half_life_seconds) + 1,
            updated_at = now()
      RETURNING score INTO decayed;
      counted := ${counting};
      IF counted >= p_threshold THEN
        wait_until := now() + make_interval(
          secs => least(p_cap_seconds, p_base_seconds * power(2, greatest(0, floor(decayed) - p_threshold))));
        UPDATE sign_in_failures SET blocked_until = wait_until WHERE key = p_key;
      END IF;
      RETURN wait_until;
    END $$`;
}
