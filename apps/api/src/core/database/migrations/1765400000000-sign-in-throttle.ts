import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Sign-in protection that cannot be turned against users (OWASP authentication and credential-stuffing
 * guidance). Failures are counted per key — one email from one client, and one client — never per account
 * alone, so nobody can lock a person out from elsewhere. Each count decays by half every half-life, so old
 * failures fade; once a key passes its threshold the client waits, doubling with each further failure up to a
 * cap. The per-account lock (`users.failed_login_count`, `locked_until`) is gone with it.
 */
export class SignInThrottle1765400000000 implements MigrationInterface {
  name = 'SignInThrottle1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sign_in_failures (
        key text PRIMARY KEY,
        score double precision NOT NULL,
        updated_at timestamptz NOT NULL,
        blocked_until timestamptz
      );
      CREATE INDEX sign_in_failures_updated_idx ON sign_in_failures (updated_at);
      GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_failures TO laman_app;

      -- One failure, counted atomically (concurrent guesses serialise on the row), with the wait it earns.
      CREATE FUNCTION record_sign_in_failure(
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
        -- The few seconds a burst of guesses takes decay it by a hair: rounded, three quick failures are three.
        counted := round(decayed::numeric, 2);
        IF counted >= p_threshold THEN
          wait_until := now() + make_interval(
            secs => least(p_cap_seconds, p_base_seconds * power(2, floor(counted) - p_threshold)));
          UPDATE sign_in_failures SET blocked_until = wait_until WHERE key = p_key;
        END IF;
        RETURN wait_until;
      END $$;

      ALTER TABLE users DROP COLUMN failed_login_count, DROP COLUMN locked_until;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0,
                        ADD COLUMN locked_until timestamptz;
      DROP FUNCTION record_sign_in_failure(text, double precision, double precision, double precision, double precision);
      DROP TABLE sign_in_failures;
    `);
  }
}
