package org.schoolcredits.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.storage.CreditsDatabase;

/**
 * A school's statement: one row per action, newest first, where the history has one per ledger
 * entry. The entries of one action are grouped by a key: a usage's hold and its refund go together,
 * and the holds of one host action too (references {@code action:part}, as a bulk SMS names each
 * recipient's charge {@code sms:<batch>:<n>}); a purchase's entries by the purchase; anything else is
 * its own action. A purchase shows only once its credits arrived: pending and failed payments belong
 * to the purchases list. The query is SQL (an aggregate per action); JPA reads its rows as {@link Action}s.
 */
@ApplicationScoped
public class Statement {

    private static final String KEYED = "select e.*, h.state as hold_state, p.method, p.package_id,"
            + " case when e.hold_id is not null then 'hold:' || e.feature || ':'"
            + " || coalesce(regexp_replace(h.reference, ':[0-9]+$', ''), e.hold_id::text)"
            + " when e.kind = 'purchase' then 'purchase:' || e.reference"
            + " else 'entry:' || e.entry_id end as action,"
            + " case when e.kind = 'redemption' and e.reference like 'learner:%'"
            + " then coalesce(l.learner_ref, 'Deleted learner') else e.reason end as shown_detail"
            + " from entry e left join hold h on h.school_id = e.school_id and h.hold_id = e.hold_id"
            + " left join learner l on e.kind = 'redemption' and l.school_id = e.school_id"
            + " and l.ref_hash = substr(e.reference, 9)"
            + " left join purchase p on e.kind in ('purchase', 'reversal') and p.school_id = e.school_id"
            + " and p.purchase_id::text = e.reference"
            + " where e.school_id = ?";

    private static final String GROUPED = "select min(entry_id) as first_id, min(at) as first_at, min(credit_type)"
            + " as credit_type, min(action) as action, (array_agg(kind order by entry_id))[1] as kind,"
            + " (array_agg(reference order by entry_id))[1] as reference, min(feature) as feature,"
            + " count(*) filter (where kind = 'usage') as charges,"
            + " count(*) filter (where kind = 'refund') as failed,"
            + " count(*) filter (where kind = 'usage' and hold_state = 'held') as in_progress,"
            + " sum(amount) as net, coalesce(sum(amount) filter (where kind = 'refund'), 0) as refunded,"
            + " min(method) as method, min(package_id) as package_id,"
            + " (array_agg(initiated_by_name order by entry_id))[1] as initiated_by,"
            + " (array_agg(shown_detail order by entry_id))[1] as detail"
            + " from keyed group by action";

    /** A row of the query: one action's entries added up ({@link RecordedEntry#AS_ACTION}). */
    public record Action(long firstId, OffsetDateTime firstAt, String creditType, String action, String kind,
                         String reference, String feature, long charges, long failed, long inProgress, long net,
                         long refunded, String method, String packageId, String initiatedBy, String detail) {
    }

    @PersistenceContext(unitName = CreditsDatabase.UNIT)
    EntityManager em;

    protected Statement() {
    }

    /** Outside the container (tests): on {@code em}. */
    public Statement(EntityManager em) {
        this.em = em;
    }

    /** A page of the statement; {@code query}'s feature and status are not used, its cursor is a row's id. */
    public List<StatementRow> rows(String schoolId, HistoryQuery query) {
        StringBuilder sql = new StringBuilder("with keyed as (" + KEYED);
        List<Object> args = new ArrayList<>(List.of(schoolId));
        if (query.creditType() != null) {
            sql.append(" and e.credit_type = ?");
            args.add(query.creditType());
        }
        sql.append("), grouped as (").append(GROUPED).append(") select * from grouped")
                .append(" where not (kind = 'purchase' and net <= 0)");
        if (query.from() != null) {
            sql.append(" and first_at >= ?");
            args.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" and first_at < ?");
            args.add(query.to());
        }
        if (query.before() != null) {
            sql.append(" and first_id < ?");
            args.add(query.before());
        }
        sql.append(" order by first_id desc limit ?");
        args.add(query.limit());
        Query rows = em.createNativeQuery(History.numbered(sql.toString()), RecordedEntry.AS_ACTION);
        for (int i = 0; i < args.size(); i++) {
            rows.setParameter(i + 1, History.parameter(args.get(i)));
        }
        return rows.getResultList().stream().map(row -> row((Action) row)).toList();
    }

    private static StatementRow row(Action row) {
        String action = row.action();
        String kind = action.startsWith("hold:") ? "usage" : row.kind();
        String reference = row.reference();
        if ("grant".equals(kind)) {
            kind = "trial".equals(reference) ? "trial" : "allowance";
        }
        String detail = "purchase".equals(kind) ? row.packageId() : row.detail();
        return new StatementRow(Long.toString(row.firstId()), row.firstAt().withOffsetSameInstant(ZoneOffset.UTC),
                row.creditType(), kind, row.feature(), (int) row.charges(), (int) row.failed(), (int) row.inProgress(),
                new Credits(row.net()).toDecimal(), new Credits(row.refunded()).toDecimal(), row.method(),
                row.initiatedBy(), shortReference(kind, action, reference), detail);
    }

    /**
     * A reference a person can read out: the first 8 characters of the action's own id, upper case
     * ({@code P-7F3K2Q1A} for a purchase, {@code U-…} for a usage), or none for a grant or an expiry.
     */
    static String shortReference(String kind, String action, String reference) {
        String stem = switch (kind) {
            case "usage" -> action.substring(action.indexOf(':', "hold:".length()) + 1);
            case "purchase", "reversal" -> reference;
            default -> null;
        };
        if (stem == null || stem.isBlank()) {
            return null;
        }
        // the action's own id: after the last ':', without a word prefix ("sms-<uuid>" is the uuid)
        String last = stem.substring(stem.lastIndexOf(':') + 1).replaceFirst("^[A-Za-z]+-", "").replace("-", "");
        String prefix = "usage".equals(kind) ? "U-" : "P-";
        return prefix + last.substring(0, Math.min(8, last.length())).toUpperCase(Locale.ROOT);
    }
}
