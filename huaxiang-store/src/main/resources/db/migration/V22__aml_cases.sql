-- Anti-money-laundering findings (PBoC large-value and suspicious transaction reporting): each
-- large-value report (a customer's cash over 50,000 CNY in a natural day ...) and each
-- suspected structuring case, with the transactions behind it. Kept 10 years (legal hold): an
-- erasure never deletes them; retention removes them only after ten years.
create table aml_cases (
    id              bigserial   primary key,
    kind            text        not null check (kind in ('large_value', 'suspicious')),
    rule            text        not null,
    user_id         text        not null,
    direction       text        not null,
    window_start    timestamptz not null,
    window_end      timestamptz not null,
    total           numeric(20, 2) not null,
    threshold       numeric(20, 2) not null,
    transaction_ids text[]      not null,
    status          text        not null default 'open',
    raised_at       timestamptz not null,
    updated_at      timestamptz not null,
    unique (kind, rule, user_id, direction, window_start)
);
create index aml_cases_by_time on aml_cases (raised_at desc);
create index aml_cases_by_user on aml_cases (user_id);
