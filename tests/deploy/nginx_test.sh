#!/usr/bin/env bash
# tdkt behind a real nginx, as docs/deployment.md sets it up: deploy/nginx/tdkt.conf with its
# ports, certificate and paths substituted, TLS from a certificate made here, everything on
# loopback. Checks sign-in through the proxy (the __Host- cookie, Secure), the client address
# taken from the proxy only, the proxy's limits, and a write with the CSRF and Origin checks.
#   tests/deploy/nginx_test.sh TDKT_BINARY
set -euo pipefail
tdkt="$1"
here="$(cd "$(dirname "$0")" && pwd)"
conf="$here/../../deploy/nginx/tdkt.conf"
work="$(mktemp -d /tmp/tdkt-nginx.XXXXXX)"
server=""
proxy=""
cleanup() {
  if [ -n "$proxy" ]; then kill "$proxy" 2>/dev/null || true; wait "$proxy" 2>/dev/null || true; fi
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$work/nginx-error.log" ] && tail -20 "$work/nginx-error.log"; exit 1; }

command -v nginx >/dev/null || fail "nginx is not installed (scripts/install-deps.sh installs it)"
command -v openssl >/dev/null || fail "openssl is not installed (scripts/install-deps.sh installs it)"

app_port=$((20000 + RANDOM % 20000))
tls_port=$((app_port + 1))
plain_port=$((app_port + 2))

"$tdkt" --db "sqlite:$work/tdkt.db" init --demo >/dev/null
"$tdkt" --db "sqlite:$work/tdkt.db" serve --host 127.0.0.1 --port "$app_port" --trusted-proxy 127.0.0.1 \
  >"$work/serve.log" 2>&1 &
server=$!

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -keyout "$work/tdkt.key" -out "$work/tdkt.pem" >/dev/null 2>&1 || fail "openssl could not make a certificate"

# The documented server blocks, on this test's ports and paths.
sed -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$app_port;|" \
    -e "s|listen 443 ssl;|listen 127.0.0.1:$tls_port ssl;|" \
    -e "s|listen 80;|listen 127.0.0.1:$plain_port;|" \
    -e "s|/etc/ssl/certs/tdkt.pem|$work/tdkt.pem|" \
    -e "s|/etc/ssl/private/tdkt.key|$work/tdkt.key|" \
    "$conf" >"$work/tdkt.conf"
grep -q "127.0.0.1:$app_port" "$work/tdkt.conf" || fail "the upstream of deploy/nginx/tdkt.conf was not found"
mkdir -p "$work/temp"
cat >"$work/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/temp/body;
  proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi;
  uwsgi_temp_path $work/temp/uwsgi;
  scgi_temp_path $work/temp/scgi;
  include $work/tdkt.conf;
}
EOF
nginx -t -p "$work" -c "$work/nginx.conf" >/dev/null 2>&1 || { nginx -t -p "$work" -c "$work/nginx.conf"; fail "nginx -t"; }
nginx -p "$work" -c "$work/nginx.conf" &
proxy=$!

base="https://127.0.0.1:$tls_port"
for _ in $(seq 1 100); do
  curl -sfk "$base/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done

# 1. Through the proxy, over TLS.
health="$(curl -sk "$base/api/v1/health")"
grep -q '"schema_version"' <<<"$health" || fail "health through nginx: $health"
redirect="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$plain_port/people")"
[[ "$redirect" == 301\ https://* ]] || fail "plain HTTP is not sent to HTTPS: $redirect"

# 2. Sign-in: the cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Strict.
curl -sk -D "$work/login.headers" -o "$work/login.json" -H 'Content-Type: application/json' \
  -d '{"username":"canbo","password":"demo1234"}' "$base/api/v1/login"
grep -qi '^set-cookie: __Host-tdkt_session=[^;]*; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure' \
  "$work/login.headers" || fail "sign-in through TLS did not set the __Host- cookie: $(grep -i set-cookie "$work/login.headers")"
token="$(sed -n 's/^[Ss]et-[Cc]ookie: __Host-tdkt_session=\([^;]*\);.*/\1/p' "$work/login.headers" | tr -d '\r')"
csrf="$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$work/login.json")"
[ -n "$token" ] && [ -n "$csrf" ] || fail "no session from the sign-in: $(cat "$work/login.json")"

# 3. The cookie is read back through the proxy; the plain name is not accepted over TLS.
session="$(curl -sk -H "Cookie: __Host-tdkt_session=$token" "$base/api/v1/session")"
grep -q '"username":"canbo"' <<<"$session" || fail "session through nginx: $session"
plain="$(curl -sk -o /dev/null -w '%{http_code}' -H "Cookie: tdkt_session=$token" "$base/api/v1/session")"
[ "$plain" = 401 ] || fail "the plain cookie name was accepted over TLS ($plain)"

# 4. A write with the Origin of the site passes the CSRF check (Host kept with its port);
#    another Origin is refused.
created="$(curl -sk -o "$work/person.json" -w '%{http_code}' -H "Cookie: __Host-tdkt_session=$token" \
  -H "X-CSRF-Token: $csrf" -H "Origin: https://127.0.0.1:$tls_port" -H 'Content-Type: application/json' \
  -d '{"full_name":"Điểu Thị Proxy","gender":"female","birth_year":1990}' "$base/api/v1/people")"
[ "$created" = 201 ] || fail "a write through nginx: $created $(cat "$work/person.json")"
forged="$(curl -sk -o /dev/null -w '%{http_code}' -H "Cookie: __Host-tdkt_session=$token" \
  -H "X-CSRF-Token: $csrf" -H "Origin: https://evil.example" -H 'Content-Type: application/json' \
  -d '{"full_name":"Giả Mạo","gender":"male","birth_year":1990}' "$base/api/v1/people")"
[ "$forged" = 403 ] || fail "a write from another Origin through nginx: $forged"

# 5. The proxy's limits: a 12 MiB body is refused by nginx (413) before it reaches tdkt.
head -c $((12 << 20)) /dev/zero >"$work/big.bin"
big="$(curl -sk -o /dev/null -w '%{http_code}' -H "Cookie: __Host-tdkt_session=$token" -H "X-CSRF-Token: $csrf" \
  -H 'Content-Type: application/pdf' --data-binary @"$work/big.bin" "$base/api/v1/documents/1/attachments?file_name=a.pdf")"
[ "$big" = 413 ] || fail "12 MiB through nginx answered $big, not 413"

# 6. The client address. nginx overwrites X-Forwarded-For with the real peer, so a forged header
#    never reaches tdkt; tdkt believes X-Forwarded-For from a trusted proxy only. Sign-in
#    attempts are stored with the address tdkt believed.
curl -sk -o /dev/null -H 'X-Forwarded-For: 10.0.0.9' -H 'Content-Type: application/json' \
  -d '{"username":"nhanvien","password":"sai-mat-khau-1"}' "$base/api/v1/login"
curl -s -o /dev/null -H 'X-Forwarded-For: 10.0.0.8' -H 'Content-Type: application/json' \
  -d '{"username":"nhanvien","password":"sai-mat-khau-2"}' "http://127.0.0.1:$app_port/api/v1/login"
untrusted_port=$((app_port + 3))
"$tdkt" --db "sqlite:$work/tdkt.db" serve --host 127.0.0.1 --port "$untrusted_port" >"$work/serve2.log" 2>&1 &
second=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$untrusted_port/api/v1/health" >/dev/null && break; sleep 0.1; done
curl -s -o /dev/null -H 'X-Forwarded-For: 10.0.0.7' -H 'Content-Type: application/json' \
  -d '{"username":"nhanvien","password":"sai-mat-khau-3"}' "http://127.0.0.1:$untrusted_port/api/v1/login"
kill "$second"; wait "$second" 2>/dev/null || true
addresses="$(sqlite3 "$work/tdkt.db" "SELECT address FROM login_attempt WHERE username = 'nhanvien' ORDER BY id")"
[ "$(echo $addresses)" = "127.0.0.1 10.0.0.8 127.0.0.1" ] ||
  fail "addresses of the sign-in attempts: $(echo $addresses) (wanted 127.0.0.1 10.0.0.8 127.0.0.1)"

# 7. tdkt directly over plain HTTP: the plain cookie name.
direct="$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"canbo","password":"demo1234"}' "http://127.0.0.1:$app_port/api/v1/login")"
grep -qi '^set-cookie: tdkt_session=' <<<"$direct" || fail "a direct sign-in over plain HTTP: $direct"

echo "nginx deployment test: passed"
