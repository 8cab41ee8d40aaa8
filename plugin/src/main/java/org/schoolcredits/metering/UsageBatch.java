package org.schoolcredits.metering;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.schoolcredits.catalog.Features;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.problem.CreditsException;

/**
 * A bulk send's usages, charged in one request ({@code POST /usages/batch}): all or nothing
 * ({@code atomic}) or each on its own, held or, with {@code capture}, captured at once.
 */
public record UsageBatch(List<Item> items, boolean atomic, boolean capture) {

    /** At most this many items per batch. */
    public static final int MAX_ITEMS = 500;

    public record Item(Feature feature, long quantity, String reference) {
    }

    /** One item's outcome: {@code held}, {@code captured}, {@code insufficient_credits} or {@code reference_already_used}. */
    public record Outcome(String reference, String status, String id, BigDecimal amount, OffsetDateTime expiresAt) {
    }

    /** The batch's answer: each item's outcome in order, how many got their credits and how many were refused. */
    public record Answer(List<Outcome> items, int held, int refused) {
    }

    public UsageBatch {
        items = List.copyOf(items);
    }

    /**
     * The batch of a request body whose fields are checked ({@link UsageBatchRequest}): each item's
     * feature a registered Connect feature, no reference twice; a bad item is a 400 naming it, e.g.
     * {@code items[3].feature}.
     */
    public static UsageBatch of(UsageBatchRequest body, Features features) {
        List<Item> items = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < body.items().size(); i++) {
            String at = "items[" + i + "].";
            UsageBatchRequest.Item item = body.items().get(i);
            Feature feature = features.require(at + "feature", item.feature());
            if (feature.creditType() != CreditType.CONNECT) {
                throw CreditsException.invalidField(at + "feature", feature + " is not charged through usages");
            }
            long quantity = item.quantity();
            String reference = item.reference();
            if (reference != null && !references.add(feature.code() + "\n" + reference)) {
                throw CreditsException.invalidField(at + "reference",
                        "'" + at + "reference' repeats an earlier item's " + feature + " reference");
            }
            items.add(new Item(feature, quantity, reference));
        }
        return new UsageBatch(items, body.atomic(), Boolean.TRUE.equals(body.capture()));
    }
}
