-- The held balance is the sum of a school's open holds, no longer a column of the balance row:
-- capturing a usage then locks only its hold, and the balance row, which every spend of a
-- school queues on, is locked by the reserve alone (bench/README.md: one hot school).
alter table balance drop column held;

-- the open holds of a school, summed for its balance without reading the holds themselves
create index hold_open on hold (school_id, credit_type) include (amount) where state = 'held';
