import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The platform admin's corrections to the working-day calendar the legal clocks count on (information requests:
 * 10 working days, objections: 30): a day off the shipped calendar lacks (a decree's collective leave for a new
 * year), or a day it wrongly has off (`working`). The shipped days come from date-holidays and the decrees
 * listed in the code (`modules/calendar/holiday-sources.ts`); this table holds only what differs.
 */
export class CalendarDays1766900000000 implements MigrationInterface {
  name = 'CalendarDays1766900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('holiday', 'collective_leave', 'working')),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 120),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_days TO laman_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_days`);
  }
}
