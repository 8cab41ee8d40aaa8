-- The short reference a school quotes on a bank transfer or a cheque (at most 18 characters, as a
-- UK bank's reference field takes), e.g. SC-OAK-7F3K2Q9M; null for a card purchase. Purchases made
-- before it keep their id as their reference.
alter table purchase add column bank_reference text check (length(bank_reference) <= 18);
create unique index purchase_by_bank_reference on purchase (bank_reference) where bank_reference is not null;
