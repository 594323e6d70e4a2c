-- Segment membership kept in real time (analytics issue): who is in each segment now, and every
-- entry and exit with the portrait (event) time it happened at and the segment version that
-- decided it. The trend of a segment's size is the running sum of entries minus exits.
create table segment_members (
    segment    text        not null,
    user_id    text        not null,
    version    int         not null,
    entered_at timestamptz not null,
    primary key (segment, user_id)
);

create table segment_membership_events (
    id          bigserial   primary key,
    segment     text        not null,
    version     int         not null,
    user_id     text        not null,
    entered     boolean     not null,
    at          timestamptz not null,
    recorded_at timestamptz not null
);
create index segment_membership_events_by_segment on segment_membership_events (segment, at);
create index segment_membership_events_by_user on segment_membership_events (user_id, at);
