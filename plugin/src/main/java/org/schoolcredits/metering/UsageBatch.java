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
import org.schoolcredits.rest.JsonBody;

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

    /** The batch of a request body, every item checked; a bad item is a 400 naming it, e.g. {@code items[3].quantity}. */
    public static UsageBatch parse(JsonBody body, Features features) {
        body.only("items", "atomic", "capture");
        boolean atomic = body.bool("atomic");
        boolean capture = body.optionalBool("capture", false);
        List<JsonBody> objects = body.objects("items", MAX_ITEMS);
        List<Item> items = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            String at = "items[" + i + "].";
            JsonBody item = objects.get(i).only(at + "feature", at + "quantity", at + "reference");
            Feature feature = features.require(at + "feature", item.text(at + "feature", 40));
            if (feature.creditType() != CreditType.CONNECT) {
                throw CreditsException.invalidField(at + "feature", feature + " is not charged through usages");
            }
            long quantity = item.wholeNumber(at + "quantity", 1, MeteringService.MAX_QUANTITY);
            String reference = item.optionalText(at + "reference", 200);
            if (reference != null && !references.add(feature.code() + "\n" + reference)) {
                throw CreditsException.invalidField(at + "reference",
                        "'" + at + "reference' repeats an earlier item's " + feature + " reference");
            }
            items.add(new Item(feature, quantity, reference));
        }
        return new UsageBatch(items, atomic, capture);
    }
}
