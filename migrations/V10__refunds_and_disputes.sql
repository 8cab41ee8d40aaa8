-- Refunds and disputes reach the credits, and finance sees every reason (issue 15, items 2 and 8).

-- A purchase may be refunded or disputed after it was paid (a dispute won makes it paid again),
-- and a Checkout Session may expire unpaid.
alter table purchase drop constraint purchase_status_check;
alter table purchase add constraint purchase_status_check check (status in
    ('awaiting_payment', 'pending', 'paid', 'failed', 'cancelled', 'refunded', 'disputed', 'expired'));

-- every reason a purchase was flagged for review, oldest first (one column kept only the last)
alter table purchase add column flag_reasons text[] not null default '{}';
update purchase set flag_reasons = array[flag_reason] where flag_reason is not null;
alter table purchase drop column flag_reason;

-- what refunds and disputes took back of the purchase's credits (thousandths): taken back from
-- the school's balance, and owed (already spent when the money went back), never more than it brought
alter table purchase add column taken_back bigint not null default 0 check (taken_back >= 0);
alter table purchase add column owed bigint not null default 0 check (owed >= 0);
alter table purchase add constraint purchase_reversal_within_credits check (taken_back + owed <= credits);

-- refund and dispute events find the purchase by the payment intent of its Checkout Session
create index purchase_by_payment_intent on purchase (payment_intent_id) where payment_intent_id is not null;
-- finance's purchase list pages newest first by (created_at, purchase_id)
create index purchase_newest on purchase (created_at desc, purchase_id desc);

-- What Stripe has said of a payment since it was made, merged so that the same events in any
-- order leave the same row: the most refunded so far (Stripe's amount_refunded is cumulative),
-- and the dispute, whose closing is final. Keyed by Stripe's payment intent, since an event may
-- come before the purchase's own completed event (then the purchase picks it up once paid).
create table stripe_payment (
    payment_intent_id text        primary key,
    refunded_pence    bigint      not null default 0 check (refunded_pence >= 0),
    dispute_id        text,
    -- Stripe's dispute status: warning_needs_response, needs_response, under_review, won, lost, ...
    dispute_status    text,
    dispute_closed    boolean     not null default false,
    dispute_pence     bigint      not null default 0 check (dispute_pence >= 0),
    updated_at        timestamptz not null
);

-- why an entry was made, in words: an adjustment's reason, a refund's or dispute's take-back
alter table entry add column reason text;

-- a reversal takes back a refunded or disputed purchase's credits (negative), or gives them back
-- when the dispute is won (positive); its reference is the purchase id
alter table entry drop constraint entry_kind_check;
alter table entry add constraint entry_kind_check check (kind in
    ('purchase', 'grant', 'redemption', 'usage', 'refund', 'expiry', 'adjustment', 'reversal'));
