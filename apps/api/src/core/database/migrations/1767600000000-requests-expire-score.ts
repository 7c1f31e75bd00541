import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The completeness score counts whether the PPID answers in time (`ppid.on_time`), so a request arriving, being
 * answered or extended moves it. A kept score is good while the OPD's content version is unchanged and its
 * `changes_at` is ahead; requests are not content (they must not rebuild the site), so instead each such change
 * makes the OPD's kept score due now, here in the same transaction, for the next score pass to compute again.
 * Between changes, the due days passing are foreseen by the score itself (`nextChange`).
 */
export class RequestsExpireScore1767600000000 implements MigrationInterface {
  name = 'RequestsExpireScore1767600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION expire_site_score_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE site_scores SET changes_at = '-infinity'
         WHERE about_tenant_id = NEW.tenant_id AND changes_at > '-infinity';
        RETURN NULL;
      END $$;
      CREATE TRIGGER information_requests_expire_score
        AFTER INSERT OR UPDATE OF status, due_on, answered_at ON information_requests
        FOR EACH ROW EXECUTE FUNCTION expire_site_score_on_request();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER information_requests_expire_score ON information_requests;
      DROP FUNCTION expire_site_score_on_request();
    `);
  }
}
