-- The demo MIS's own tables: schools, users and learners. The plugin's live in schema "credits".

create table school (
    school_id text primary key,
    name      text not null,
    plan      text not null check (plan in ('standard', 'pro')),
    time_zone text not null default 'Europe/London',
    enabled   boolean not null default false
);

create table app_user (
    user_id      text primary key,
    school_id    text references school,
    display_name text not null,
    email        text,
    role         text not null check (role in ('school-admin', 'staff', 'platform-finance'))
);

create table learner (
    learner_id bigint generated always as identity primary key,
    school_id  text not null references school,
    name       text not null,
    upn        text not null,
    unique (school_id, upn)
);

-- the demo clock: how far the demo has been moved forward in time (one row)
create table clock (
    id             integer primary key check (id = 1),
    offset_seconds bigint not null
);
insert into clock (id, offset_seconds) values (1, 0);
