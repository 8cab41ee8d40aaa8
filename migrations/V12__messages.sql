-- The messages a host announced with MessageSending: each billable part of each recipient's message
-- and the hold that pays for it, so that MessageOutcome captures the parts that went and releases
-- exactly those that failed, each once. The key makes a send's reference usable once per school and
-- channel; the recipient is how the host names it in the outcome and is never shown in the history.
create table message_part (
    school_id text    not null,
    channel   text    not null,
    reference text    not null,
    recipient text    not null,
    part      integer not null check (part > 0),
    hold_id   uuid    not null,
    primary key (school_id, channel, reference, recipient, part)
);
