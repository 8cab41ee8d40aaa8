package org.schoolcredits.host;

/**
 * Thrown by {@link Metering} for a school that has not enabled the plugin (never, or since
 * {@link SchoolDisabled}): nothing was held or charged. Ask {@link Metering#isEnabled} first and
 * decide whether the feature is off or free for such a school.
 */
public class SchoolNotEnabledException extends RuntimeException {

    private final String schoolId;

    public SchoolNotEnabledException(String schoolId) {
        super("School Credits is not enabled for school " + schoolId);
        this.schoolId = schoolId;
    }

    public String schoolId() {
        return schoolId;
    }
}
