#!/usr/bin/env bash
# `make run`: creates ./data/tdkt.db with the demo data when it does not exist, then serves on
# http://127.0.0.1:8080 (override with TDKT_HOST, TDKT_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/bin/tdkt
db="sqlite:./data/tdkt.db"
if [ ! -f data/tdkt.db ]; then
  "$bin" --db "$db" init --demo
else
  echo "Dữ liệu có sẵn: data/tdkt.db (tài khoản mẫu: admin, canbo, hoidong, truongphong, nhanvien, xem; mật khẩu demo1234)"
fi
exec "$bin" --db "$db" serve --host "${TDKT_HOST:-127.0.0.1}" --port "${TDKT_PORT:-8080}"
