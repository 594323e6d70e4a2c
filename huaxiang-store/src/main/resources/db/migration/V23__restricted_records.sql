-- Rows of other tables that an erasure must keep for a legal duty (a loan decision and its review
-- tasks are loan records: 10 years), one JSON copy per row: storage only. As with
-- restricted_events, nothing in the application reads this table except the retention job;
-- decisions, reports, exports, segments and training extracts never see it.
create table restricted_records (
    id            bigserial   primary key,
    user_id       text        not null,
    source_table  text        not null,
    record_key    text        not null,
    record        jsonb       not null,
    category      text        not null,
    restricted_at timestamptz not null,
    retain_until  timestamptz not null,
    unique (source_table, record_key)
);
create index restricted_records_by_user on restricted_records (user_id);
create index restricted_records_by_expiry on restricted_records (retain_until);

-- What an erasure did to decisioning: decisions and review tasks restricted, open review tasks
-- closed, committed credit released.
alter table erasures add column decisions_restricted bigint not null default 0;
alter table erasures add column review_tasks_closed bigint not null default 0;
alter table erasures add column commitments_released bigint not null default 0;
