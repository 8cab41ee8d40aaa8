package org.schoolcredits.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.InsufficientCreditsException;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.storage.Jdbc;

/**
 * Applies operations that arrived together in the caller's one transaction, each decided on its own
 * by the same code as when it comes alone ({@link Holds}, {@link Spend}): one that does not fit, or
 * whose hold was resolved before, gets its refusal as its outcome and the others go on. A refusal
 * is decided before anything is written, so the transaction stays whole. Anything else (a database
 * error, a reference charged before, which a unique index refuses) is thrown: the whole batch rolls
 * back, and {@link GroupCommit} applies its operations one by one.
 * <p>
 * Locks in the ledger's order, holds first, then balances: the captures go first (each locks its
 * hold); then the balance rows of every school that reserves, in one statement and in one order,
 * school then credit type, as the hold and lot expiry lock them, so that batches on several
 * instances never wait on each other in a circle; then the reserves, in arrival order. A capture
 * and a reserve decide nothing for each other (the held balance is not on the balance row), so
 * taking the captures first changes no outcome.
 */
final class Together {

    private static final Comparator<Operation.Reserve> LOCK_ORDER = Comparator.comparing(Operation.Reserve::schoolId)
            .thenComparing(reserve -> reserve.feature().creditType());

    private final Jdbc db;
    private final Holds holds;

    Together(Jdbc db, Holds holds) {
        this.db = db;
        this.holds = holds;
    }

    List<Operation.Outcome> apply(List<? extends Operation> operations) {
        Operation.Outcome[] outcomes = new Operation.Outcome[operations.size()];
        List<Operation.Reserve> reserves = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (operations.get(i) instanceof Operation.Capture capture) {
                outcomes[i] = capture(capture);
            } else {
                reserves.add((Operation.Reserve) operations.get(i));
            }
        }
        lockBalances(reserves);
        for (int i = 0; i < outcomes.length; i++) {
            if (operations.get(i) instanceof Operation.Reserve reserve) {
                outcomes[i] = reserve(reserve);
            }
        }
        return Arrays.asList(outcomes);
    }

    private Operation.Outcome capture(Operation.Capture capture) {
        try {
            return new Operation.Outcome(holds.resolve(capture.schoolId(), capture.holdId(), Hold.State.CAPTURED), null);
        } catch (CreditsException refused) {
            return new Operation.Outcome(null, refused);
        }
    }

    private Operation.Outcome reserve(Operation.Reserve reserve) {
        Hold hold;
        try {
            hold = holds.reserve(reserve.schoolId(), reserve.feature(), reserve.quantity(), reserve.amount(),
                    reserve.priceVersion(), reserve.reference(), reserve.expiresAt(), reserve.by());
        } catch (InsufficientCreditsException refused) {
            return new Operation.Outcome(null, refused);
        }
        if (reserve.capture()) {
            holds.resolve(hold.schoolId(), hold.id(), Hold.State.CAPTURED);
        }
        return new Operation.Outcome(hold, null);
    }

    /** Locks the reserving schools' balance rows at once, in one statement, in the ledger's one order. */
    private void lockBalances(List<Operation.Reserve> reserves) {
        List<Operation.Reserve> wallets = reserves.stream().sorted(LOCK_ORDER).toList();
        List<String> schools = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Operation.Reserve reserve : wallets) {
            CreditType type = reserve.feature().creditType();
            int last = schools.size() - 1;
            if (last < 0 || !schools.get(last).equals(reserve.schoolId()) || !types.get(last).equals(type.code())) {
                schools.add(reserve.schoolId());
                types.add(type.code());
            }
        }
        if (schools.size() < 2) {
            return; // one row, one order: the spend's own update locks it, with no round trip of its own
        }
        // rows are locked as the sort hands them out: in the order of the arrays, sorted above
        db.list("select b.available from unnest(?::text[], ?::text[]) with ordinality as w(school_id, credit_type, n)"
                        + " join balance b on b.school_id = w.school_id and b.credit_type = w.credit_type"
                        + " order by w.n for no key update of b", rs -> rs.getLong(1),
                schools.toArray(String[]::new), types.toArray(String[]::new));
    }
}
