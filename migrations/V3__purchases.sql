-- Purchases of credit packages and the Stripe events that pay for them.
-- A purchase's credits are a ledger lot whose reference is the purchase id.

create table purchase (
    school_id           text        not null references school,
    purchase_id         uuid        not null,
    package_id          text        not null,
    credit_type         text        not null check (credit_type in ('learner', 'connect')),
    credits             bigint      not null check (credits > 0),
    pence               bigint      not null check (pence > 0),
    method              text        not null check (method in ('card', 'bacs', 'cheque')),
    status              text        not null
        check (status in ('awaiting_payment', 'pending', 'paid', 'failed', 'cancelled')),
    checkout_session_id text,
    checkout_url        text,
    payment_intent_id   text,
    receipt_url         text,
    -- why platform finance must look at it (an event disagreed with the purchase), or null
    flag_reason         text,
    created_by_id       text,
    created_by_name     text        not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (school_id, purchase_id),
    unique (school_id, checkout_session_id)
);

-- the webhook finds a purchase by its Checkout Session
create index purchase_by_session on purchase (checkout_session_id) where checkout_session_id is not null;
create index purchase_by_status on purchase (status, created_at);

-- every Stripe event received, once: the insert that claims its id commits with its effect
create table stripe_event (
    event_id    text        primary key,
    type        text        not null,
    api_version text,
    payload     text        not null,
    received_at timestamptz not null,
    school_id   text,
    purchase_id uuid,
    -- what it did: applied, unchanged, ignored, unknown_session, flagged (received until applied)
    outcome     text        not null default 'received'
);
