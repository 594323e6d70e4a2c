-- Customer segments (客群): named expressions over portrait features and tags, versioned; a
-- changed definition is a new version, earlier versions stay for audit and reproducibility.
create table segments (
    name        text        not null,
    version     int         not null,
    expression  text        not null,
    description text        not null default '',
    created_at  timestamptz not null,
    created_by  text        not null,
    primary key (name, version)
);
