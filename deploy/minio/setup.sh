#!/bin/sh
# Runs once per `docker compose up` (the minio-setup service, MinIO's own client): makes the buckets and a user
# per need, so no service holds MinIO's root credentials or more than it uses. Safe to run again.
#   media bucket — the API (MEDIA_S3_ACCESS_KEY): read, write, delete
#   sites bucket — the API and the site workers (SITES_S3_ACCESS_KEY): read, write, delete (builds, pointers);
#                  the edges (SITES_READ_ACCESS_KEY): read and list only
set -eu
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${MEDIA_S3_ACCESS_KEY:?}" "${MEDIA_S3_SECRET_KEY:?}"
: "${SITES_S3_ACCESS_KEY:?}" "${SITES_S3_SECRET_KEY:?}" "${SITES_READ_ACCESS_KEY:?}" "${SITES_READ_SECRET_KEY:?}"
: "${MEDIA_BUCKET:=laman-media}" "${SITES_BUCKET:=laman-sites}"
mc alias set laman http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null

# policy NAME BUCKET ACTIONS: a policy that allows ACTIONS on the objects of BUCKET (and listing it) alone.
policy() {
  cat > "/tmp/$1.json" <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::$2"] },
    { "Effect": "Allow", "Action": [$3], "Resource": ["arn:aws:s3:::$2/*"] }
  ]
}
POLICY
  mc admin policy create laman "$1" "/tmp/$1.json"
}

# user KEY SECRET POLICY
user() {
  mc admin user add laman "$1" "$2"
  mc admin policy attach laman "$3" --user "$1" 2>/dev/null || true
}

mc mb --ignore-existing "laman/$MEDIA_BUCKET" "laman/$SITES_BUCKET"
policy laman-media "$MEDIA_BUCKET" '"s3:GetObject", "s3:PutObject", "s3:DeleteObject"'
policy laman-sites-write "$SITES_BUCKET" '"s3:GetObject", "s3:PutObject", "s3:DeleteObject"'
policy laman-sites-read "$SITES_BUCKET" '"s3:GetObject"'
user "$MEDIA_S3_ACCESS_KEY" "$MEDIA_S3_SECRET_KEY" laman-media
user "$SITES_S3_ACCESS_KEY" "$SITES_S3_SECRET_KEY" laman-sites-write
user "$SITES_READ_ACCESS_KEY" "$SITES_READ_SECRET_KEY" laman-sites-read
echo "buckets $MEDIA_BUCKET and $SITES_BUCKET ready, each user limited to its own"
