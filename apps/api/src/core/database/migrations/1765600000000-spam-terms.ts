import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The spam guard's lexicon as data: Diskominfotik adds terms (and link shorteners) here, without a release.
 * A platform table: every OPD's content is read against the same list.
 */
export class SpamTerms1765600000000 implements MigrationInterface {
  name = 'SpamTerms1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE spam_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('hold', 'shorteners')),
        term text NOT NULL CHECK (length(btrim(term)) BETWEEN 2 AND 80),
        note text,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX spam_terms_unique_idx ON spam_terms (kind, lower(term));
      GRANT SELECT, INSERT, DELETE ON spam_terms TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE spam_terms`);
  }
}
