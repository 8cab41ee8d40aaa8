package org.schoolcredits.bench;

import java.lang.reflect.Field;
import java.util.List;
import org.schoolcredits.ledger.Ledger;

/**
 * A deduction as the plugin makes it, written as a pgbench script: the reserve's spend statement
 * (the plugin's own {@code Ledger.SPEND}, read from the class so that it cannot drift) and its
 * commit, then the capture's update and its commit. Replayed by pgbench, a C client, it shows
 * what PostgreSQL alone makes of the plugin's SQL, apart from the Java client's share of the two
 * cores. The balances stay far above any low-balance threshold, so the plugin would run no
 * low-balance statement either; the price comes from memory.
 */
final class Replay {

    /**
     * The values of the spend statement's named parameters ({@code Spend.STATEMENT}: {@code :amount},
     * {@code :school}, ...) for a usage of one SMS at 1 credit, in the order they appear.
     */
    private static final List<String> SPEND_PARAMETERS = List.of(
            // debited
            "1000", ":school", "'connect'", "1000", "now()",
            // opened: the hold
            ":school", ":hid::uuid", "'connect'", "'SMS'", "1", "1000", "1", "'replay-' || :hid", "'staff@replay'",
            "'Replay Staff'", "now()", "now() + interval '15 minutes'", "true",
            // taken, and the hold's parts
            "1000", ":school", ":hid::uuid", "true",
            // written: the entry
            ":school", "now()", "'connect'", "'usage'", "'SMS'", "1", "-1000", "'pending'", "'staff@replay'",
            "'Replay Staff'", "'replay-' || :hid", "1", ":hid::uuid", "null");

    private Replay() {
    }

    /** A deduction for the school that {@code schoolSql} names (an SQL expression; {@code :n} is 1 to 1,000). */
    static String deduction(String schoolSql) throws ReflectiveOperationException {
        return "\\set n random(1, 1000)\n"
                + "select gen_random_uuid()::text as hid, " + schoolSql + " as school \\gset\n"
                + "begin;\n"
                + spend() + ";\n"
                + "commit;\n"
                + "begin;\n"
                + "update hold set state = 'captured', resolved_at = now() where school_id = :school"
                + " and hold_id = :hid::uuid and state = 'held' returning *;\n"
                + "commit;\n";
    }

    private static String spend() throws ReflectiveOperationException {
        Field field = Ledger.class.getDeclaredField("SPEND");
        field.setAccessible(true);
        String[] pieces = ((String) field.get(null)).split("\\?", -1);
        if (pieces.length - 1 != SPEND_PARAMETERS.size()) {
            throw new IllegalStateException("Ledger.SPEND takes " + (pieces.length - 1) + " parameters, the replay "
                    + SPEND_PARAMETERS.size() + ": update Replay.SPEND_PARAMETERS");
        }
        StringBuilder sql = new StringBuilder(pieces[0]);
        for (int i = 0; i < SPEND_PARAMETERS.size(); i++) {
            sql.append(SPEND_PARAMETERS.get(i)).append(pieces[i + 1]);
        }
        return sql.toString();
    }
}
