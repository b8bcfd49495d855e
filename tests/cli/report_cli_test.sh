#!/usr/bin/env bash
# `tdkt report render` as a user runs it, on the demo data, on SQLite and on PostgreSQL: the draft
# review report of the first half of 2023 (seed 004's period) read back from its DOCX. The grant
# counts are checked against `tdkt grants list`, counted here by decision date and level, so the
# two paths must agree; the documents, the complaint-free half-year and the council of 9 are
# checked as the demo holds them. The PDF goes through LibreOffice once. Needs TDKT_TEST_PG.
set -uo pipefail
tdkt="$1"
work="$(mktemp -d /tmp/tdkt-report-cli.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=harness.sh
source "$(dirname "$0")/harness.sh"

# The words of a DOCX body, one <w:t> a line.
cat >"$work/words.py" <<'EOF'
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
for text in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml):
    print(text.replace("&amp;", "&").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">"))
EOF

# What the table must say: grants decided from 01/01/2023 to 30/06/2023 by level, from grants list.
cat >"$work/expected.py" <<'EOF'
import json, sys
items = json.load(open(sys.argv[1]))["items"]
rows = {"state": [0, 0], "province": [0, 0], "agency": [0, 0], "other": [0, 0]}
for item in items:
    day = item.get("decision_date") or ""
    if not ("2023-01-01" <= day <= "2023-06-30"):
        continue
    level = {"president": "state", "prime_minister": "state", "province": "province", "agency": "agency"}.get(item["level"], "other")
    rows[level][0 if item["subject_kind"] == "person" else 1] += 1
for level in ("state", "province", "agency", "other"):
    print(level, *rows[level])
EOF

cat >"$work/check.py" <<'EOF'
import sys
words = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8")]
text = " ".join(words)
expected = {}
for line in open(sys.argv[2]):
    level, individuals, collectives = line.split()
    expected[level] = (individuals, collectives)
labels = {
    "state": "Khen thưởng cấp Nhà nước (Chủ tịch nước, Thủ tướng Chính phủ)",
    "province": "Khen thưởng cấp tỉnh (Chủ tịch UBND tỉnh)",
    "agency": "Khen thưởng thuộc thẩm quyền của cơ quan",
    "other": "Khen thưởng của bộ, ngành, đoàn thể và cấp khác",
}
for level, label in labels.items():
    at = words.index(label)
    assert tuple(words[at + 1:at + 3]) == expected[level], (level, words[at:at + 3], expected[level])
assert int(expected["province"][0]) >= 56, expected  # 48 + 7 + 1 individuals with the chair's Bằng khen
assert int(expected["state"][0]) == 1, expected      # the Prime Minister's Bằng khen
total = words.index("Tổng cộng")
assert words[total + 1] == str(sum(int(v[0]) for v in expected.values())), words[total:total + 3]
for needle in ("BÁO CÁO", "6 THÁNG ĐẦU NĂM 2023", "Kế hoạch số 05/KH-BDT ngày 03/02/2023",
               "không có đơn thư khiếu nại, tố cáo về công tác thi đua, khen thưởng",
               "Hội đồng Thi đua - Khen thưởng Ban Dân tộc tỉnh Bình Phước gồm 09 thành viên",
               "Phong trào \"Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023\"",
               "Phần thứ hai", "/BC-BDT",
               # The layout of Decree 30/2020/NĐ-CP: the issuer under its parent, the national
               # motto, the number, place and date, the kind of document, recipients and signer.
               "UBND TỈNH BÌNH PHƯỚC", "BAN DÂN TỘC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "Độc lập - Tự do - Hạnh phúc", "Bình Phước, ngày 30 tháng 6 năm 2023", "Nơi nhận:", "- Lưu: VT.",
               # The targets on 30/06/2023, as the records hold them (seed 004, §I.1).
               "4. Kết quả thực hiện các chỉ tiêu thi đua", "216.613", "124.249,27", "57,36 %",
               "Các chỉ tiêu còn phải thực hiện"):
    assert needle in text, needle
assert "Phong trào \"Ngành Công tác dân tộc tỉnh Đồng Nai năm 2024\"" not in text  # not in this half-year nor the next
assert words.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < words.index("BÁO CÁO") < words.index("Phần thứ nhất")
assert words.index("Phần thứ hai") < words.index("Nơi nhận:")
EOF

run_suite() {  # run_suite LABEL DB_URL [pdf]
  local label="$1" db="$2" pdf="${3:-}"
  echo "-- $label"
  check "$label: init --demo" "$tdkt" --db "$db" init --demo
  check "$label: report render writes the draft of the first half of 2023" bash -c "
'$tdkt' --db '$db' report render --from 2023-01-01 --to 2023-06-30 --out '$work/$label.docx' | grep -q 'Đã soạn dự thảo báo cáo 6 tháng đầu năm 2023'"
  check "$label: its figures are those of the records" bash -c "
'$tdkt' --db '$db' grants list --format json --out '$work/$label-grants.json' &&
python3 '$work/expected.py' '$work/$label-grants.json' >'$work/$label-expected.txt' &&
python3 '$work/words.py' '$work/$label.docx' >'$work/$label-words.txt' &&
python3 '$work/check.py' '$work/$label-words.txt' '$work/$label-expected.txt'"
  if [ -n "$pdf" ]; then
    check "$label: the same as PDF through LibreOffice" bash -c "
'$tdkt' --db '$db' report render --from 2023-01-01 --to 2023-06-30 --out '$work/$label.pdf' >/dev/null &&
pdftotext '$work/$label.pdf' - | grep -q 'BÁO CÁO'"
  fi
  check "$label: a period that ends before it starts is refused" bash -c "
! '$tdkt' --db '$db' report render --from 2023-06-30 --to 2023-01-01 --out '$work/x.docx' 2>'$work/err' && grep -q 'trước ngày đầu kỳ' '$work/err' && [ ! -e '$work/x.docx' ]"
  check "$label: an output that is neither .docx nor .pdf is refused" bash -c "
! '$tdkt' --db '$db' report render --from 2023-01-01 --to 2023-06-30 --out '$work/x.txt' 2>'$work/err' && grep -q '.docx hoặc .pdf' '$work/err'"
}

check "report render --help documents --from" bash -c "'$tdkt' report render --help | grep -q -- '--from'"
on_both_backends report_cli pdf
finish
