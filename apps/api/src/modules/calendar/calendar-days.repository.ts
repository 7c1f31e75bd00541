import { type EntityManager } from 'typeorm';

/** A platform admin's correction of one day of the working calendar. */
export interface CalendarCorrection {
  day: string;
  kind: 'holiday' | 'collective_leave' | 'working';
  name: string;
}

/** The corrections table (a platform table): only the days that differ from the shipped calendar. */
export class CalendarDaysRepository {
  between(manager: EntityManager, from: string, to: string): Promise<CalendarCorrection[]> {
    return manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_days
        WHERE day BETWEEN $1 AND $2 ORDER BY day`,
      [from, to],
    );
  }

  async save(manager: EntityManager, correction: CalendarCorrection, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO calendar_days (day, kind, name, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [correction.day, correction.kind, correction.name, userId],
    );
  }

  /** Removes a day's correction; answers whether there was one. */
  async remove(manager: EntityManager, day: string): Promise<boolean> {
    const [, count] = await manager.query(`DELETE FROM calendar_days WHERE day = $1`, [day]);
    return count > 0;
  }
}
