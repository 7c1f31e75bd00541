#!/bin/sh
# Renders the nginx configuration from its template and the environment, then runs nginx in the foreground.
# LAMAN_NGINX_TEMPLATE chooses the role: `nginx` (the OPD sites, the default) or `api-gateway` (the API's load
# balancer).
set -eu
: "${LAMAN_NGINX_TEMPLATE:=nginx}"
: "${LAMAN_SITES_ROOT:=/srv/laman/sites}"
: "${LAMAN_NGINX_PORT:=80}"
: "${LAMAN_NGINX_RUNTIME:=/run/laman-nginx}"
: "${LAMAN_API_UPSTREAM:=http://api:3000}"
: "${LAMAN_DNS_RESOLVER:=127.0.0.11}"
# No load balancer in front unless named: a documentation address (TEST-NET-1) no connection comes from.
: "${LAMAN_EDGE_REAL_IP_FROM:=192.0.2.1/32}"
if [ "$LAMAN_NGINX_TEMPLATE" = nginx ]; then
  : "${LAMAN_MEDIA_ORIGIN:?set LAMAN_MEDIA_ORIGIN (where site images are served from, e.g. https://api.laman.example)}"
fi
: "${LAMAN_MEDIA_ORIGIN:=}"
export LAMAN_SITES_ROOT LAMAN_NGINX_PORT LAMAN_NGINX_RUNTIME LAMAN_MEDIA_ORIGIN LAMAN_API_UPSTREAM LAMAN_DNS_RESOLVER LAMAN_EDGE_REAL_IP_FROM
mkdir -p "$LAMAN_NGINX_RUNTIME"
envsubst '${LAMAN_SITES_ROOT} ${LAMAN_NGINX_PORT} ${LAMAN_NGINX_RUNTIME} ${LAMAN_MEDIA_ORIGIN} ${LAMAN_API_UPSTREAM} ${LAMAN_DNS_RESOLVER} ${LAMAN_EDGE_REAL_IP_FROM}' \
  < "/etc/laman/$LAMAN_NGINX_TEMPLATE.conf.template" > "$LAMAN_NGINX_RUNTIME/nginx.conf"
exec nginx -c "$LAMAN_NGINX_RUNTIME/nginx.conf" -g 'daemon off;'
