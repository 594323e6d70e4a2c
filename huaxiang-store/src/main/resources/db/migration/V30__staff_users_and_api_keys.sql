-- Sign-in (security issue): staff accounts with one role each, and API keys for machine clients.
-- No clear secret is ever stored: passwords as BCrypt hashes, API keys as SHA-256 of a 256-bit
-- random key (a key is not guessable, so a fast hash is enough and keeps every request cheap).
create table staff_users (
    username      text        primary key,
    role          text        not null check (role in
                    ('admin', 'risk_analyst', 'risk_ops', 'marketing', 'compliance', 'auditor')),
    password_hash text        not null,
    failed_logins int         not null default 0,
    locked_until  timestamptz,
    disabled      boolean     not null default false,
    created_at    timestamptz not null,
    last_login_at timestamptz
);

create table api_keys (
    name        text        primary key,
    key_prefix  text        not null,
    key_hash    text        not null unique,
    scopes      text        not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
