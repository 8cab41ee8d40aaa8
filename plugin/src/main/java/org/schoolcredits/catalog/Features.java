package org.schoolcredits.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.host.Feature;
import org.schoolcredits.host.HostFeatures;
import org.schoolcredits.problem.CreditsException;

/**
 * The registered features: the defaults, then the host's {@link HostFeatures} beans, then the setting
 * {@code credits.features} (env {@code CREDITS_FEATURES}), a comma-separated list of
 * {@code CODE:Label:creditType:price}, e.g. {@code WHATSAPP:WhatsApp message:connect:1.2}. A later
 * registration of a code replaces its label and first price; a change of its credit type, or a
 * malformed setting, stops the plugin at start-up with a message naming it.
 */
@ApplicationScoped
public class Features {

    public static final String SETTING = "credits.features";

    private Map<String, Feature> byCode;
    private List<Feature> ordered;

    protected Features() {
    }

    @Inject
    @ConfigProperties
    CatalogConfig config;

    @Inject
    Instance<HostFeatures> hosts;

    @PostConstruct
    void register() {
        registerAll(config.features, hosts.stream().toList());
    }

    /** The defaults, then {@code hosts}' features, then those of the {@value #SETTING} {@code setting}. */
    public Features(Optional<String> setting, List<HostFeatures> hosts) {
        registerAll(setting, hosts);
    }

    private void registerAll(Optional<String> setting, List<HostFeatures> hosts) {
        Map<String, Feature> features = new LinkedHashMap<>();
        Feature.defaults().forEach(feature -> features.put(feature.code(), feature));
        for (HostFeatures host : hosts) {
            host.features().forEach(feature -> register(features, feature, host.getClass().getName()));
        }
        setting.ifPresent(list -> parse(list).forEach(feature -> register(features, feature, SETTING)));
        this.byCode = Map.copyOf(features);
        this.ordered = List.copyOf(features.values());
    }

    /** The defaults alone (tests, and a host that registers nothing). */
    public static Features defaults() {
        return new Features(Feature.defaults());
    }

    /** These features (tests). */
    public Features(List<Feature> features) {
        Map<String, Feature> all = new LinkedHashMap<>();
        features.forEach(feature -> register(all, feature, "the list"));
        this.byCode = Map.copyOf(all);
        this.ordered = List.copyOf(all.values());
    }

    /** Every registered feature, the defaults first, in the order registered. */
    public List<Feature> all() {
        return ordered;
    }

    public Optional<Feature> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The registered feature of this code, or a 400 naming {@code field}. */
    public Feature require(String field, String code) {
        return find(code).orElseThrow(() -> CreditsException.invalidField(field, "'" + field + "' must be one of "
                + String.join(", ", ordered.stream().map(Feature::code).toList())));
    }

    /** The label of a code, or the code itself for one no longer registered. */
    public String label(String code) {
        return find(code).map(Feature::label).orElse(code);
    }

    static List<Feature> parse(String setting) {
        List<Feature> features = new ArrayList<>();
        for (String item : setting.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.strip().split(":", -1);
            if (parts.length != 4) {
                throw new IllegalStateException(SETTING + " (CREDITS_FEATURES): '" + item.strip()
                        + "' is not CODE:Label:creditType:price");
            }
            try {
                features.add(Feature.of(parts[0].strip(), parts[1], CreditType.ofCode(parts[2].strip()),
                        new BigDecimal(parts[3].strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(SETTING + " (CREDITS_FEATURES): '" + item.strip() + "': "
                        + e.getMessage(), e);
            }
        }
        return features;
    }

    private static void register(Map<String, Feature> features, Feature feature, String by) {
        Feature before = features.get(feature.code());
        if (before != null && before.creditType() != feature.creditType()) {
            throw new IllegalStateException(by + " registers feature " + feature.code() + " as "
                    + feature.creditType().code() + ", but it spends " + before.creditType().code() + " credits");
        }
        features.put(feature.code(), feature);
    }
}
