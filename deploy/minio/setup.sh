#!/bin/sh
# Runs once per `docker compose up` (the minio-setup service, MinIO's own client): makes the media bucket and a
# user that may use only that bucket, so the API never holds MinIO's root credentials. Safe to run again.
set -eu
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${MEDIA_S3_ACCESS_KEY:?}" "${MEDIA_S3_SECRET_KEY:?}"
: "${MEDIA_BUCKET:=laman-media}"
mc alias set laman http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "laman/$MEDIA_BUCKET"
cat > /tmp/media-policy.json <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::$MEDIA_BUCKET"] },
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      "Resource": ["arn:aws:s3:::$MEDIA_BUCKET/*"] }
  ]
}
POLICY
mc admin policy create laman laman-media /tmp/media-policy.json
mc admin user add laman "$MEDIA_S3_ACCESS_KEY" "$MEDIA_S3_SECRET_KEY"
mc admin policy attach laman laman-media --user "$MEDIA_S3_ACCESS_KEY" 2>/dev/null || true
echo "media bucket $MEDIA_BUCKET ready; user $MEDIA_S3_ACCESS_KEY may use it alone"
