-- The tamper-evident audit trail: who read or changed what, when and why (PIPL purpose limitation).
-- Each row carries the hash of the row before it (see io.huaxiang.core.audit.AuditChain), so an
-- altered or deleted row is found by `huaxiang audit verify`. seq is assigned by the appender
-- under an advisory lock (see AuditStore), never by a sequence, so the chain stays linear and
-- gap-free across threads and processes.
create table audit_log (
    seq       bigint      primary key,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    purpose   text        not null,
    subject   text        not null,
    details   text        not null,
    prev_hash text        not null,
    hash      text        not null unique
);
create index audit_log_by_actor on audit_log (actor, seq);
create index audit_log_by_subject on audit_log (subject, seq);
create index audit_log_by_action on audit_log (action, seq);
create index audit_log_by_time on audit_log (at);

-- Append-only for the application: updates, deletes and truncation are refused. A database owner
-- can still disable the trigger; the hash chain is what catches that.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_append_only();
