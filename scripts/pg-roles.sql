-- The application's privileges on a PostgreSQL installation (docs/deployment.md, "Audit trail and
-- database roles"). Two roles: the owner creates and migrates the schema (`tdkt migrate`,
-- `tdkt init`); the application serves (`tdkt serve`) with this script's privileges, which let
-- it read and write everything but change or delete the audit trail: it may only append to it.
-- (Migration 0011 also refuses UPDATE, DELETE and TRUNCATE on audit_log with triggers; a role
-- that does not own the table cannot disable them.)
--
-- Run it in tdkt's database as the owner (or a superuser), after `tdkt migrate` as the owner:
--   psql "postgresql://tdkt_owner@db.example/tdkt" -v owner=tdkt_owner -v app=tdkt_app -f scripts/pg-roles.sql
-- with -v schema=NAME when tdkt's tables are not in the schema "public".
-- Run by tests/cli/audit_cli_test.sh.
\set ON_ERROR_STOP on
\if :{?schema}
\else
\set schema public
\endif
GRANT USAGE ON SCHEMA :"schema" TO :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"schema" TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"schema" TO :"app";
REVOKE UPDATE, DELETE, TRUNCATE ON :"schema".audit_log FROM :"app";
-- Tables that later migrations create (as the owner) get the same privileges; audit_log keeps its own.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"schema" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"schema" GRANT USAGE, SELECT ON SEQUENCES TO :"app";
