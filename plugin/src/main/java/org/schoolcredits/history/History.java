package org.schoolcredits.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.schoolcredits.catalog.Features;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * Reads a school's entries newest first. A usage shows the state of its hold (pending while
 * held, success once captured, refunded once released or expired); a learner's redemption
 * shows the learner's reference, or "Deleted learner" once the host deleted them; an entry made
 * for a reason (an adjustment, a refund's or dispute's reversal) shows the reason. The query is SQL, as
 * measured (bench/README.md); JPA reads its rows as {@link RecordedEntry.Shown} views of the columns shown.
 */
@ApplicationScoped
public class History {

    static final String STATUS = "case when e.kind = 'usage' then case h.state when 'held' then 'pending'"
            + " when 'captured' then 'success' else 'refunded' end else e.status end";

    @PersistenceContext(unitName = CreditsDatabase.UNIT)
    EntityManager em;

    @Inject
    Features features;

    protected History() {
    }

    /** Outside the container (tests): on {@code em}. */
    public History(EntityManager em, Features features) {
        this.em = em;
        this.features = features;
    }

    /** The history of a plugin with the default features (tests). */
    public History(EntityManager em) {
        this(em, Features.defaults());
    }

    /** The registered features: the history filters by their codes, and a row shows its feature's label too. */
    public Features features() {
        return features;
    }

    public List<HistoryRow> rows(String schoolId, HistoryQuery query) {
        StringBuilder sql = new StringBuilder("select e.entry_id, e.at, e.credit_type, e.kind, e.feature, e.amount,"
                + " e.pending_amount, e.balance_after, e.initiated_by_name, " + STATUS + " as shown_status,"
                + " case when e.kind = 'redemption' and e.reference like 'learner:%'"
                + " then coalesce(l.learner_ref, 'Deleted learner') else coalesce(e.reason, e.reference) end"
                + " as shown_reference"
                + " from entry e left join hold h on h.school_id = e.school_id and h.hold_id = e.hold_id"
                + " left join learner l on e.kind = 'redemption' and l.school_id = e.school_id"
                + " and l.ref_hash = substr(e.reference, 9)"
                + " where e.school_id = ?");
        List<Object> args = new ArrayList<>(List.of(schoolId));
        if (query.creditType() != null) {
            sql.append(" and e.credit_type = ?");
            args.add(query.creditType());
        }
        if (query.feature() != null) {
            sql.append(" and e.feature = ?");
            args.add(query.feature());
        }
        if (query.status() != null) {
            sql.append(" and ").append(statusIs(query.status()));
        }
        if (query.from() != null) {
            sql.append(" and e.at >= ?");
            args.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" and e.at < ?");
            args.add(query.to());
        }
        if (query.before() != null) {
            sql.append(" and e.entry_id < ?");
            args.add(query.before());
        }
        sql.append(" order by e.entry_id desc limit ?");
        args.add(query.limit());
        Query rows = em.createNativeQuery(numbered(sql.toString()), RecordedEntry.AS_SHOWN);
        for (int i = 0; i < args.size(); i++) {
            rows.setParameter(i + 1, parameter(args.get(i)));
        }
        List<?> found = rows.getResultList();
        return found.stream().map(row -> row((RecordedEntry.Shown) row)).toList();
    }

    /** A query parameter as the driver takes it: an instant as a {@code timestamptz}. */
    static Object parameter(Object arg) {
        return arg instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : arg;
    }

    /** {@code sql} with its {@code ?} placeholders numbered {@code ?1}, {@code ?2}... in order (not in literals). */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        boolean literal = false;
        for (char c : sql.toCharArray()) {
            out.append(c);
            literal ^= c == '\'';
            if (c == '?' && !literal) {
                out.append(++n);
            }
        }
        return out.toString();
    }

    /**
     * The condition that {@link #STATUS} equals {@code status}, spelled out per column: PostgreSQL
     * estimates it from the columns' statistics, where it takes a CASE expression to match 0.5 % of
     * rows; at a million entries that guess made it plan a 50-row page as a parallel scan, whose
     * workers took longer to start than the page to read (bench/README.md).
     */
    static String statusIs(String status) {
        String usage = switch (status) {
            case "pending" -> "h.state = 'held'";
            case "success" -> "h.state = 'captured'";
            case "refunded" -> "(h.state is null or h.state not in ('held', 'captured'))";
            default -> "false";
        };
        return "((e.kind = 'usage' and " + usage + ") or (e.kind <> 'usage' and e.status = '"
                + status.replace("'", "''") + "'))";
    }

    private HistoryRow row(RecordedEntry.Shown e) {
        long shown = e.amount() != 0 ? e.amount() : e.pendingAmount();
        String feature = e.feature();
        return new HistoryRow(Long.toString(e.id()), e.at().withOffsetSameInstant(ZoneOffset.UTC), e.creditType(), e.kind(),
                feature, feature == null ? null : features.label(feature), new Credits(shown).toDecimal(),
                new Credits(e.balanceAfter()).toDecimal(), e.status(), e.initiatedByName(), e.reference());
    }
}
