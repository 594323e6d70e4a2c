-- Loan decisioning (贷款决策). Every decision keeps the exact input snapshot it was made on, the
-- strategy and model versions and every rule outcome (as JSON text, byte for byte), so it can be
-- replayed; identifiers appear only as keyed hashes (HMAC, key outside the database).
create table decisions (
    decision_id     uuid          primary key,
    request_id      text          not null unique,
    user_id         text          not null,
    product_id      text          not null,
    outcome         text          not null,
    requested_amount numeric(14,2) not null,
    approved_amount numeric(14,2) not null,
    score           int,
    band            text,
    strategy        text          not null,
    model           text,
    arm             text          not null,
    decided_at      timestamptz   not null,
    id_hash         text,
    phone_hash      text,
    device_hash     text,
    ip_hash         text,
    card_hash       text,
    application     text          not null,
    inputs          text          not null,
    decision        text          not null,
    shadow          text
);
create index decisions_by_user on decisions (user_id, decided_at);
create index decisions_by_time on decisions (product_id, decided_at);
create index decisions_by_id_hash on decisions (id_hash, decided_at);
create index decisions_by_phone_hash on decisions (phone_hash, decided_at);
create index decisions_by_device_hash on decisions (device_hash, decided_at);
create index decisions_by_ip_hash on decisions (ip_hash, decided_at);

-- Funding per product per day, consumed by one conditional UPDATE so that concurrent approvals
-- never take more than the cap.
create table funding_budgets (
    product_id  text          not null,
    day         date          not null,
    cap_amount  numeric(16,2) not null,
    cap_count   bigint        not null,
    used_amount numeric(16,2) not null default 0,
    used_count  bigint        not null default 0,
    primary key (product_id, day)
);

-- Credit committed to each borrower over all products, capped per borrower by configuration.
create table credit_commitments (
    user_id    text          primary key,
    committed  numeric(16,2) not null,
    updated_at timestamptz   not null
);

-- Black, grey and white lists by hashed identifier (id number, phone, device, ip, bank card).
create table list_entries (
    list_kind  text        not null,
    key_kind   text        not null,
    key_hash   text        not null,
    reason     text        not null default '',
    added_by   text        not null,
    added_at   timestamptz not null,
    primary key (key_kind, key_hash, list_kind)
);

-- Strategies with their whole history; at most one champion and one challenger per product.
create table strategies (
    strategy_id      text          not null,
    version          int           not null,
    product_id       text          not null,
    source           text          not null,
    fingerprint      text          not null,
    uploaded_by      text          not null,
    uploaded_at      timestamptz   not null,
    role             text          not null,
    challenger_share numeric(5,4),
    activated_by     text,
    activated_at     timestamptz,
    primary key (strategy_id, version)
);
create unique index strategies_one_champion on strategies (product_id) where role = 'champion';
create unique index strategies_one_challenger on strategies (product_id) where role = 'challenger';

-- Human review of automated decisions (PIPL Art 24): requested by the borrower or referred by
-- the strategy, each with a due time (SLA).
create table review_tasks (
    task_id     bigserial   primary key,
    decision_id uuid        not null references decisions (decision_id),
    user_id     text        not null,
    kind        text        not null,
    note        text        not null default '',
    status      text        not null,
    created_at  timestamptz not null,
    due_at      timestamptz not null,
    closed_at   timestamptz,
    closed_by   text,
    resolution  text
);
create unique index review_tasks_one_open on review_tasks (decision_id, kind) where status = 'open';
