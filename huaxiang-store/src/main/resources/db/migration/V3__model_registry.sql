-- Registered credit models: every version of every model, its artifact and who approved it.
-- At most one champion per model name; draft -> challenger/champion needs an approver other
-- than the registrant (checked in ModelRegistry), and every change is audited by the server.
create table models (
    id            bigserial   primary key,
    name          text        not null,
    version       int         not null,
    kind          text        not null,
    status        text        not null check (status in ('draft', 'challenger', 'champion', 'retired')),
    artifact      jsonb       not null,
    fingerprint   text,
    created_at    timestamptz not null,
    created_by    text        not null,
    approved_by   text,
    approved_at   timestamptz,
    unique (name, version)
);
create unique index models_one_champion on models (name) where status = 'champion';
