-- Low-balance alerts and the e-mail outbox. Every key starts with school_id.

-- a school's own warning levels (thousandths of a credit) and whether it wants alert e-mails;
-- no row: the configured defaults, e-mails on
create table alert_settings (
    school_id         text        primary key,
    learner_threshold bigint      not null check (learner_threshold >= 0),
    connect_threshold bigint      not null check (connect_threshold >= 0),
    email_alerts      boolean     not null,
    updated_at        timestamptz not null,
    updated_by        text        not null
);

-- armed: the balance was at or above the threshold when it last changed, so the next fall below
-- it warns once (a conditional update on this row, made while the ledger holds the balance row)
create table low_balance_alert (
    school_id   text    not null,
    credit_type text    not null check (credit_type in ('learner', 'connect')),
    armed       boolean not null,
    primary key (school_id, credit_type)
);

create sequence outbox_email_id_seq;

-- every e-mail, written in the transaction of its cause and sent after commit by the delivery job
create table outbox (
    school_id       text        not null,
    email_id        bigint      not null default nextval('outbox_email_id_seq'),
    kind            text        not null,
    -- what caused it, when the cause may be reported more than once (a purchase id): one e-mail per recipient
    dedupe_key      text,
    recipient       text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    -- when the next attempt may start; a sender claiming the row moves it forward (its lease)
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text,
    primary key (school_id, email_id)
);

create unique index outbox_once on outbox (school_id, dedupe_key, recipient) where dedupe_key is not null;
create index outbox_due on outbox (next_attempt_at) where sent_at is null;
create index outbox_recent on outbox (email_id);
