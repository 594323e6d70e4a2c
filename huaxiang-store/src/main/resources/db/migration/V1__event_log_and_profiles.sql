-- The event log is the source of truth: every accepted event, once, in ingestion order.
-- seq is assigned under a transaction-level advisory lock (see EventStore), so commit order
-- equals seq order and the profile projector can follow the log by seq without gaps.
create table events (
    seq          bigserial   primary key,
    event_id     text        not null unique,
    user_id      text        not null,
    type         text        not null,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null,
    source       text        not null,
    payload      jsonb       not null
);
create index events_by_user_time on events (user_id, occurred_at desc, seq desc);

-- Profile snapshots: the folded state of each user, restored on restart so the projector only
-- replays events after applied_seq. features/tags are the portrait as of last_event_at, for
-- population analytics in SQL.
create table profiles (
    user_id        text        primary key,
    format_version int         not null,
    event_count    bigint      not null,
    last_event_at  timestamptz,
    state          text        not null,
    features       jsonb       not null,
    tags           text[]      not null default '{}',
    tag_since      jsonb       not null default '{}',
    updated_at     timestamptz not null
);
create index profiles_tags on profiles using gin (tags);

create table projector_checkpoint (
    name        text        primary key,
    applied_seq bigint      not null,
    updated_at  timestamptz not null
);

-- When each tag was gained and lost, per user.
create table tag_history (
    user_id   text        not null,
    tag       text        not null,
    gained_at timestamptz not null,
    lost_at   timestamptz,
    primary key (user_id, tag, gained_at)
);

-- Records refused at ingestion, with the reason, so nothing is silently dropped.
create table dead_letters (
    id          bigserial   primary key,
    received_at timestamptz not null,
    channel     text        not null,
    origin      text,
    line_no     bigint,
    reason      text        not null,
    field       text,
    message     text        not null,
    record      text
);
create index dead_letters_by_time on dead_letters (received_at desc);
