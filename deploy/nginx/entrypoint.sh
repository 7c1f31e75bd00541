#!/bin/sh
# Renders the nginx configuration from its template and the environment, then runs nginx in the foreground.
set -eu
: "${LAMAN_SITES_ROOT:=/srv/laman/sites}"
: "${LAMAN_NGINX_PORT:=80}"
: "${LAMAN_NGINX_RUNTIME:=/run/laman-nginx}"
: "${LAMAN_API_UPSTREAM:=http://api:3000}"
: "${LAMAN_MEDIA_ORIGIN:?set LAMAN_MEDIA_ORIGIN (where site images are served from, e.g. https://api.laman.example)}"
export LAMAN_SITES_ROOT LAMAN_NGINX_PORT LAMAN_NGINX_RUNTIME LAMAN_MEDIA_ORIGIN LAMAN_API_UPSTREAM
mkdir -p "$LAMAN_NGINX_RUNTIME"
envsubst '${LAMAN_SITES_ROOT} ${LAMAN_NGINX_PORT} ${LAMAN_NGINX_RUNTIME} ${LAMAN_MEDIA_ORIGIN} ${LAMAN_API_UPSTREAM}' \
  < /etc/laman/nginx.conf.template > "$LAMAN_NGINX_RUNTIME/nginx.conf"
exec nginx -c "$LAMAN_NGINX_RUNTIME/nginx.conf" -g 'daemon off;'
