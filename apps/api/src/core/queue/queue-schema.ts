/** The PostgreSQL schema pg-boss keeps its queues in. */
export const QUEUE_SCHEMA = 'pgboss';
