-- Learners a school has been charged a learner credit for: one row per school and learner, ever,
-- so that a learner registered before is not charged again, even after deletion. The learner's
-- reference is kept in clear only while the learner exists; ref_hash is an HMAC-SHA256 of it.
-- Credit entries refer to a learner as 'learner:' || ref_hash, never by the reference itself.

create table learner (
    school_id     text        not null,
    ref_hash      text        not null,
    learner_ref   text        null, -- cleared on deletion
    registered_at timestamptz not null,
    deleted_at    timestamptz null,
    primary key (school_id, ref_hash)
);

-- secrets the plugin generates for itself, once per database; never logged
create table plugin_secret (
    name   text  primary key,
    secret bytea not null
);

-- the key of the learner reference HMAC: 244 random bits from two version 4 UUIDs
insert into plugin_secret (name, secret)
values ('learner-ref-hmac', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
