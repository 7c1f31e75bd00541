#!/bin/sh
# The db-backup service: a custom-format pg_dump of the whole database every BACKUP_EVERY_SECONDS (a day),
# written beside the others and kept BACKUP_KEEP_DAYS days. As the superuser: the content tables force
# row-level security, so only a role that bypasses it sees every OPD's rows. A dump is written under a
# temporary name and renamed when complete, so a half-written file is never taken for a backup.
# Restore: the documentation, operator/cadangan ("Cadangan dan pemulihan"). BACKUP_ONCE=1 makes one dump and exits.
set -eu
: "${PGHOST:=postgres}" "${PGUSER:=postgres}" "${PGDATABASE:=laman}"
: "${BACKUP_DIR:=/backups/db}" "${BACKUP_KEEP_DAYS:=14}" "${BACKUP_EVERY_SECONDS:=86400}"
export PGHOST PGUSER PGDATABASE
mkdir -p "$BACKUP_DIR"
while true; do
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  if pg_dump --format=custom --file="$BACKUP_DIR/.laman-$stamp.partial"; then
    mv "$BACKUP_DIR/.laman-$stamp.partial" "$BACKUP_DIR/laman-$stamp.dump"
    echo "backup $BACKUP_DIR/laman-$stamp.dump"
  else
    rm -f "$BACKUP_DIR/.laman-$stamp.partial"
    echo "backup failed at $stamp" >&2
  fi
  find "$BACKUP_DIR" -name 'laman-*.dump' -mtime "+$BACKUP_KEEP_DAYS" -delete
  [ "${BACKUP_ONCE:-0}" = 1 ] && exit 0
  sleep "$BACKUP_EVERY_SECONDS"
done
