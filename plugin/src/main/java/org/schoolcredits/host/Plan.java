package org.schoolcredits.host;

/** A school's subscription plan in the host. Pro schools receive a monthly Connect allowance. */
public enum Plan {
    STANDARD, PRO
}
