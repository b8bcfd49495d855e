#!/usr/bin/env python3
"""What someone who can write the database does to hide an edit of the audit trail: recompute
every record's link and hash after it, the way tdkt computes them (BLAKE2b-256 over the previous
hash and every field, each length-prefixed: src/storage/database.cpp, AuditLink::hash).

Reads the trail as CSV on stdin (id, at, actor, entity, entity_id, action, before_json,
after_json, prev_hash, hash; an empty before/after is NULL), ordered by id, and prints the UPDATE
statements that make the chain valid again. Used by tests/cli/audit_cli_test.sh."""
import csv
import hashlib
import sys


def part(text):
    return f"{len(text.encode())}:{text}\n"


def link_hash(prev, at, actor, entity, entity_id, action, before, after):
    canonical = part(prev) + part(at) + part(actor) + part(entity) + part(action) + f"{entity_id}\n"
    for snapshot in (before, after):
        canonical += (part(snapshot) if snapshot else "null\n")
    return hashlib.blake2b(canonical.encode(), digest_size=32).hexdigest()


prev = ""
for row in csv.reader(sys.stdin):
    record_id, at, actor, entity, entity_id, action, before, after, stored_prev, stored_hash = row
    new_hash = link_hash(prev, at, actor, entity, int(entity_id), action, before, after)
    if new_hash != stored_hash or prev != stored_prev:
        print(f"UPDATE audit_log SET prev_hash = '{prev}', hash = '{new_hash}' WHERE id = {record_id};")
    prev = new_hash
