-- Each approval's commitment (授信占用), so committed credit can be released: when the loan it
-- became is repaid (its outstanding principal is counted instead), or when the approval expires
-- without being drawn. credit_commitments stays the atomic counter approvals are checked against.
create table credit_grants (
    decision_id    uuid          primary key,
    user_id        text          not null,
    product_id     text          not null,
    amount         numeric(14,2) not null,
    granted_at     timestamptz   not null,
    expires_at     timestamptz   not null,
    drawn_at       timestamptz,
    released_at    timestamptz,
    release_reason text
);
create index credit_grants_open on credit_grants (user_id) where released_at is null and drawn_at is null;
create index credit_grants_expiry on credit_grants (expires_at) where released_at is null and drawn_at is null;
