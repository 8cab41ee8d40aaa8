-- A spend is one statement (Ledger.trySpend): it debits the balance row, which locks it and so
-- serialises a school's spending, and then takes the amount from the school's lots. A statement
-- reads the database as it was when it began, before it waited for that lock: a lot granted or
-- refunded by the transaction it waited for would be invisible to it. A volatile function's own
-- statements read the database afresh when they run, so the spend takes from the lots through
-- this function, once it holds the lock.
--
-- The burn-down order: the lots that expire first, then the oldest; lots are locked as the loop
-- reads them (ten at a time), not every lot of the school. Returns what was taken from which
-- lot; less than p_amount in all only if the lots disagree with the balance.
create function take_from_lots(p_school_id text, p_credit_type text, p_amount bigint)
    returns table (lot_id bigint, taken bigint) language plpgsql volatile as $$
declare
    next_lot record;
    still_to_take bigint := p_amount;
begin
    for next_lot in select l.lot_id, l.remaining from lot l
               where l.school_id = p_school_id and l.credit_type = p_credit_type and l.state = 'available'
                 and l.remaining > 0
               order by l.expires_at nulls last, l.lot_id for update
    loop
        lot_id := next_lot.lot_id;
        taken := least(next_lot.remaining, still_to_take);
        update lot l set remaining = l.remaining - taken where l.school_id = p_school_id and l.lot_id = next_lot.lot_id;
        return next;
        still_to_take := still_to_take - taken;
        exit when still_to_take = 0;
    end loop;
end;
$$;
