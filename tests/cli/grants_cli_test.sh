#!/usr/bin/env bash
# `tdkt grants list` as a user runs it, on the demo data, on SQLite and on PostgreSQL: the JSON of
# one year, the history of a unit across the restructuring (its predecessor's grants marked), a
# person given by a bare id, the Excel list read back with python3's zipfile, and refusals.
# Needs TDKT_TEST_PG (set by scripts/test.sh); without it the PostgreSQL half fails.
set -uo pipefail
tdkt="$1"
work="$(mktemp -d /tmp/tdkt-grants-cli.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=harness.sh
source "$(dirname "$0")/harness.sh"

run_suite() {  # run_suite LABEL DB_URL
  local label="$1" db="$2"
  echo "-- $label"
  check "$label: init --demo" "$tdkt" --db "$db" init --demo
  check "$label: grants list --year 2023 prints the grants of 2023 as JSON" bash -c "'$tdkt' --db '$db' grants list --year 2023 --format json | python3 -c '
import json,sys
data=json.load(sys.stdin)
items=data[\"items\"]
assert data[\"total\"]==len(items)>0, data
assert all(i[\"year\"]==2023 for i in items), items
assert any(i[\"subject_kind\"]==\"person\" for i in items), items
assert all(i[\"level\"] in (\"agency\",\"province\",\"prime_minister\",\"president\",None) for i in items)
assert all(i[\"honour_name\"] and i[\"subject_name\"] for i in items), items'"
  check "$label: grants list --subject unit:ID includes the predecessor's grants, marked" bash -c "
unit=\$('$tdkt' --db '$db' grants list --format json | python3 -c '
import json,sys
items=json.load(sys.stdin)[\"items\"]
print([i for i in items if i[\"subject_name\"]==\"Sở Dân tộc và Tôn giáo tỉnh Đồng Nai\"][0][\"subject_id\"])') &&
'$tdkt' --db '$db' grants list --subject unit:\$unit --format json --out '$work/unit.json' &&
python3 -c '
import json,sys
items=json.load(open(\"$work/unit.json\"))[\"items\"]
years=sorted(i[\"year\"] for i in items if i[\"honour\"]==\"TTLDXS\")
assert years==[2022,2023,2024,2025], years
old=[i for i in items if i[\"by_predecessor\"]]
assert old and all(i[\"subject_name\"]==\"Ban Dân tộc tỉnh Bình Phước\" for i in old), items
assert any(not i[\"by_predecessor\"] for i in items), items'"
  check "$label: grants list --subject with a bare id lists that person's grants" bash -c "
person=\$('$tdkt' --db '$db' grants list --year 2023 --format json | python3 -c '
import json,sys
print([i for i in json.load(sys.stdin)[\"items\"] if i[\"subject_kind\"]==\"person\"][0][\"subject_id\"])') &&
'$tdkt' --db '$db' grants list --subject \$person | python3 -c '
import json,sys
items=json.load(sys.stdin)[\"items\"]
assert items and all(i[\"subject_kind\"]==\"person\" and i[\"subject_id\"]==int(\"'\$person'\") for i in items), items'"
  check "$label: grants list --format xlsx writes a workbook with the list and the counts" bash -c "
'$tdkt' --db '$db' grants list --year 2023 --format xlsx --out '$work/grants.xlsx' | grep -q 'Đã xuất' &&
python3 -c '
import zipfile,re
z=zipfile.ZipFile(\"$work/grants.xlsx\")
book=z.read(\"xl/workbook.xml\").decode()
assert \"Danh sách\" in book and \"Tổng hợp\" in book, book
strings=z.read(\"xl/sharedStrings.xml\").decode()
assert \"DANH SÁCH KHEN THƯỞNG ĐÃ TẶNG\" in strings and \"Năm 2023\" in strings, strings[:500]
assert \"Lao động tiên tiến\" in strings, strings[:2000]'"
  check "$label: a subject that is neither person nor unit is refused" bash -c "! '$tdkt' --db '$db' grants list --subject group:3 2>'$work/err' && grep -q 'person:MÃ' '$work/err'"
  check "$label: xlsx without --out is refused" bash -c "! '$tdkt' --db '$db' grants list --format xlsx 2>'$work/err' && grep -q -- '--out' '$work/err'"
  check "$label: an unknown unit is refused" bash -c "! '$tdkt' --db '$db' grants list --subject unit:999999 2>'$work/err' && grep -q 'Không có đơn vị mã 999999' '$work/err'"
}

check "grants list --help documents --subject" bash -c "'$tdkt' grants list --help | grep -q 'unit:MÃ'"
on_both_backends grants_cli
finish
