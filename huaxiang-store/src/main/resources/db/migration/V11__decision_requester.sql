-- Who asked for each decision (staff:<name> or client:<key>): a request id is idempotent only
-- for the caller that first used it, so one client can never read another's decision by reusing
-- its request id. Null for decisions stored before this column existed.
alter table decisions add column requested_by text;
