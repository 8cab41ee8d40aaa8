-- The minimal host's own tables, in its own schema mis, created at start-up by the host itself
-- (the plugin migrates only its own schema, credits). Every statement can run again.
create schema if not exists mis;

create table if not exists mis.school (
    school_id text primary key,
    name      text not null,
    plan      text not null check (plan in ('standard', 'pro'))
);

create table if not exists mis.app_user (
    username      text primary key,
    display_name  text not null,
    email         text not null,
    school_id     text not null references mis.school,
    role          text not null check (role in ('admin', 'teacher')),
    password_hash text not null
);

create table if not exists mis.learner (
    learner_id bigint generated always as identity primary key,
    school_id  text not null references mis.school,
    name       text not null,
    upn        text not null,
    unique (school_id, upn)
);
