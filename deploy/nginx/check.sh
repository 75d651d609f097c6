#!/usr/bin/env bash
# `nginx -t` of deploy/nginx/insatsportal.conf with a throw-away certificate, where nginx is
# installed (CI installs Debian's nginx-light); says clearly that it skipped otherwise.
set -euo pipefail
if ! command -v nginx >/dev/null 2>&1; then
    echo "SKIPPED: nginx is not installed; the site file was not checked."
    exit 0
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/key.pem" -out "$dir/cert.pem" \
    -days 1 -subj /CN=localhost 2>/dev/null
sed -e "s#/etc/ssl/certs/insatsportal.forbund.se.pem#$dir/cert.pem#" \
    -e "s#/etc/ssl/private/insatsportal.forbund.se.key#$dir/key.pem#" \
    -e "s#/var/log/nginx/insatsportal.access.log#$dir/access.log#" \
    "$(dirname "$0")/insatsportal.conf" > "$dir/site.conf"
printf 'pid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\nhttp {\n include %s/site.conf;\n}\n' \
    "$dir" "$dir" "$dir" > "$dir/nginx.conf"
nginx -t -c "$dir/nginx.conf"
