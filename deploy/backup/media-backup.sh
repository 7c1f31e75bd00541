#!/bin/sh
# The media-backup service: mirrors the media bucket into the backups volume every BACKUP_EVERY_SECONDS (a
# day), with MinIO's own client. Files removed from the bucket stay in the copy (a deleted photo can be brought
# back); the copy grows with what was ever uploaded. Restore: the documentation, operator/cadangan.
set -eu
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}"
: "${MEDIA_BUCKET:=laman-media}" "${BACKUP_DIR:=/backups/media}"
: "${BACKUP_EVERY_SECONDS:=86400}"
mc alias set laman http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mkdir -p "$BACKUP_DIR"
while true; do
  mc mirror --overwrite "laman/$MEDIA_BUCKET" "$BACKUP_DIR/$MEDIA_BUCKET" && echo "media mirrored $(date -u +%FT%TZ)"
  [ "${BACKUP_ONCE:-0}" = 1 ] && exit 0
  sleep "$BACKUP_EVERY_SECONDS"
done
