-- The ledger's hot path (bench/README.md): what a deduction locks and writes.

-- The held balance is the sum of a school's open holds, no longer a column of the balance row:
-- capturing a usage then locks only its hold, and the balance row, which every spend of a
-- school queues on, is locked by the reserve alone (bench/README.md: one hot school).
alter table balance drop column held;

-- the open holds of a school, summed for its balance without reading the holds themselves
create index hold_open on hold (school_id, credit_type) include (amount) where state = 'held';

-- Spending changes only a lot's remaining credits: with remaining out of this index's predicate
-- that update is a HOT update (no new index entries per spend). A lot used up stays in the index
-- until it expires or is voided; the spend query skips it (remaining > 0).
drop index lot_spending_order;
create index lot_spending_order on lot (school_id, credit_type, expires_at nulls last, lot_id)
    where state = 'available';

-- A usage's entries by their hold: releasing or expiring a hold finds its usage entry, and the
-- reconciliation checks each released hold's refund, without reading the school's whole history.
create index entry_hold on entry (school_id, hold_id) where hold_id is not null;
