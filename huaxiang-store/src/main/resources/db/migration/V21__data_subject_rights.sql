-- Data-subject rights (PIPL Arts 44-47) and retention. See docs/security.md.

-- A legal hold (litigation, a regulator's request) keeps every row of a user: erasure then
-- restricts instead of deleting, and the retention job skips the user.
create table legal_holds (
    user_id   text        primary key,
    reason    text        not null,
    placed_at timestamptz not null,
    placed_by text        not null
);

-- Who was erased, when, by whom, on which request: new events for them are refused at ingestion.
create table erasures (
    user_id           text        primary key,
    erased_at         timestamptz not null,
    erased_by         text        not null,
    request_ref       text        not null,
    events_deleted    bigint      not null,
    events_restricted bigint      not null
);

-- Events a law obliges us to keep (loan and AML records, or everything under a legal hold) after
-- the user's erasure: storage only. Nothing reads this table except the retention job and
-- key rotation; portraits, models, segments, exports and marketing never see it.
create table restricted_events (
    seq           bigint      primary key,
    event_id      text        not null,
    user_id       text        not null,
    type          text        not null,
    occurred_at   timestamptz not null,
    received_at   timestamptz not null,
    source        text        not null,
    payload       jsonb       not null,
    sealed        jsonb,
    key_id        text,
    category      text        not null,
    restricted_at timestamptz not null,
    retain_until  timestamptz not null
);
create index restricted_events_by_user on restricted_events (user_id);
create index restricted_events_by_expiry on restricted_events (retain_until);
