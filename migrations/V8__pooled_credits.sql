-- Credits that never expire are one pool per school and credit type: which purchase or adjustment
-- a spent credit came from changes nothing, since none of them is ever written off. Only a lot
-- that expires (a month's allowance) keeps what is left of it, since expiry writes off exactly
-- that. A spend takes from the lots that expire, soonest first, and the rest from the pool; the
-- pool is the available balance less what is left of the expiring lots. A spend that touches no
-- expiring lot writes only the balance row, the hold and the entry (bench/README.md).

alter table lot alter column remaining drop not null;
update lot set remaining = null where expires_at is null;
alter table lot add constraint lot_remaining_only_if_expiring check ((remaining is null) = (expires_at is null));

-- a hold's parts are what it took from expiring lots; the rest came from the pool
delete from hold_lot hl using lot l
    where l.school_id = hl.school_id and l.lot_id = hl.lot_id and l.expires_at is null;

-- one index for the spend's order and for the expiry checks: the available lots that expire
drop index lot_spending_order;
drop index lot_expiring;
create index lot_expiring on lot (school_id, credit_type, expires_at, lot_id)
    where state = 'available' and expires_at is not null;

-- As V7's, over the lots that expire only: returns what was taken from which of them, at most
-- p_amount in all; the pool gives the rest.
create or replace function take_from_lots(p_school_id text, p_credit_type text, p_amount bigint)
    returns table (lot_id bigint, taken bigint) language plpgsql volatile as $$
declare
    next_lot record;
    still_to_take bigint := p_amount;
begin
    for next_lot in select l.lot_id, l.remaining from lot l
               where l.school_id = p_school_id and l.credit_type = p_credit_type and l.state = 'available'
                 and l.expires_at is not null and l.remaining > 0
               order by l.expires_at, l.lot_id for update
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
