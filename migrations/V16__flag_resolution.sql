-- Platform finance resolves a flagged purchase (issue 18, item 3): it credits it after review or
-- dismisses the flag, with who, when and why. The flags counted at the resolution are resolved; a
-- payment that disagrees later flags the purchase again (flag_reasons grows past resolved_flags).
alter table purchase add column resolved_flags int not null default 0 check (resolved_flags >= 0);
alter table purchase add column resolution text check (resolution in ('credited', 'dismissed'));
alter table purchase add column resolution_reason text check (length(resolution_reason) between 1 and 500);
alter table purchase add column resolved_at timestamptz;
alter table purchase add column resolved_by_id text;
alter table purchase add column resolved_by_name text;
alter table purchase add constraint purchase_resolution_complete check ((resolution is null) = (resolved_at is null)
    and (resolution is null) = (resolution_reason is null) and (resolution is null) = (resolved_by_name is null));

-- the payment intent of the last event that flagged it: credited after review, the purchase is paid
-- by that payment, so that its refunds and disputes find it
alter table purchase add column flagged_payment_intent_id text;
