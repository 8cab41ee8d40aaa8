-- The ledger: schools, balances, lots, holds and append-only entries.
-- Amounts are integer thousandths of a credit. Every key starts with school_id.

create table school (
    school_id   text        primary key,
    enabled     boolean     not null,
    enabled_at  timestamptz not null
);

create table balance (
    school_id   text   not null references school,
    credit_type text   not null check (credit_type in ('learner', 'connect')),
    available   bigint not null default 0 check (available >= 0),
    held        bigint not null default 0 check (held >= 0),
    pending     bigint not null default 0 check (pending >= 0),
    primary key (school_id, credit_type)
);

create sequence lot_id_seq;

create table lot (
    school_id   text        not null,
    lot_id      bigint      not null default nextval('lot_id_seq'),
    credit_type text        not null,
    source      text        not null check (source in ('purchase', 'trial', 'allowance', 'adjustment')),
    reference   text        not null,
    amount      bigint      not null check (amount > 0),
    remaining   bigint      not null check (remaining >= 0 and remaining <= amount),
    expires_at  timestamptz,
    state       text        not null check (state in ('pending', 'available', 'void', 'expired')),
    created_at  timestamptz not null,
    primary key (school_id, lot_id),
    -- a grant is applied once: one trial, one allowance a month, one lot a purchase
    unique (school_id, credit_type, source, reference),
    foreign key (school_id, credit_type) references balance
);

create index lot_spending_order on lot (school_id, credit_type, expires_at nulls last, lot_id)
    where state = 'available' and remaining > 0;
create index lot_expiring on lot (school_id, credit_type, expires_at) where state = 'available' and expires_at is not null;
create index lot_expiring_all on lot (expires_at) where state = 'available' and expires_at is not null;

create table price (
    feature        text        not null,
    version        integer     not null check (version > 0),
    credits        bigint      not null check (credits > 0),
    effective_from timestamptz not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    primary key (feature, version)
);

create table hold (
    school_id         text        not null,
    hold_id           uuid        not null,
    credit_type       text        not null,
    feature           text        not null,
    quantity          bigint      not null check (quantity > 0),
    amount            bigint      not null check (amount > 0),
    price_version     integer     not null,
    reference         text,
    state             text        not null check (state in ('held', 'captured', 'released', 'expired')),
    initiated_by_id   text,
    initiated_by_name text        not null,
    created_at        timestamptz not null,
    expires_at        timestamptz not null,
    resolved_at       timestamptz,
    primary key (school_id, hold_id),
    foreign key (school_id, credit_type) references balance
);

-- a host action is charged once
create unique index hold_reference on hold (school_id, feature, reference) where reference is not null;
create index hold_expiring on hold (expires_at) where state = 'held';

create table hold_lot (
    school_id text   not null,
    hold_id   uuid   not null,
    lot_id    bigint not null,
    amount    bigint not null check (amount > 0),
    primary key (school_id, hold_id, lot_id),
    foreign key (school_id, hold_id) references hold,
    foreign key (school_id, lot_id) references lot
);

create sequence entry_id_seq;

create table entry (
    school_id         text        not null,
    entry_id          bigint      not null default nextval('entry_id_seq'),
    at                timestamptz not null,
    credit_type       text        not null,
    kind              text        not null
        check (kind in ('purchase', 'grant', 'redemption', 'usage', 'refund', 'expiry', 'adjustment')),
    feature           text,
    quantity          bigint,
    -- change to the available balance (signed) and to the pending balance
    amount            bigint      not null,
    pending_amount    bigint      not null default 0,
    balance_after     bigint      not null check (balance_after >= 0),
    status            text        not null check (status in ('success', 'failed', 'refunded', 'pending')),
    initiated_by_id   text,
    initiated_by_name text        not null,
    reference         text,
    price_version     integer,
    hold_id           uuid,
    lot_id            bigint,
    refunds_entry_id  bigint,
    primary key (school_id, entry_id),
    foreign key (school_id, credit_type) references balance,
    foreign key (school_id, refunds_entry_id) references entry
);

-- a usage is refunded at most once
create unique index entry_refund_once on entry (school_id, refunds_entry_id) where refunds_entry_id is not null;
-- the history reads newest first by the primary key (school_id, entry_id)

-- entries are append-only: the database itself refuses to change or remove one
create function refuse_entry_change() returns trigger language plpgsql as $$
begin
    raise exception 'credit entries are append-only: % refused', tg_op;
end;
$$;

create trigger entry_append_only
    before update or delete on entry
    for each row execute function refuse_entry_change();

create trigger entry_no_truncate
    before truncate on entry
    for each statement execute function refuse_entry_change();

-- a state-changing call's Idempotency-Key, stored with its first answer in the same transaction
create table idempotency_key (
    school_id    text        not null,
    key          text        not null,
    request_hash text        not null,
    status       integer     not null,
    body         text,
    created_at   timestamptz not null,
    primary key (school_id, key)
);
