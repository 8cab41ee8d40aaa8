package org.schoolcredits.host;

import java.util.List;

/**
 * Optionally implemented by the host as an application-scoped CDI bean (or several): the metered
 * features it registers at start-up, beside the defaults of {@link Feature#defaults()} and those of
 * the setting {@code CREDITS_FEATURES}. A code registered again replaces the label and first price
 * (the setting wins over a bean, a bean over the defaults); its credit type must stay the same.
 */
public interface HostFeatures {

    List<Feature> features();
}
