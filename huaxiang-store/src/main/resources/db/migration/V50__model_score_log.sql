-- What each registered model scored, for stability monitoring (PSI of the score, CSI per feature
-- against the training distribution). No applicant identifier is kept: a row is a score and the
-- bin each feature fell in, so the log cannot be tied back to a person.
create table model_scores (
    id         bigserial   primary key,
    model_id   bigint      not null references models (id),
    scored_at  timestamptz not null,
    points     int         not null,
    bins       jsonb
);
create index model_scores_by_model_time on model_scores (model_id, scored_at);
