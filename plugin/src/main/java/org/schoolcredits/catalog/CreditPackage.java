package org.schoolcredits.catalog;

import org.schoolcredits.host.CreditType;
import org.schoolcredits.kernel.Credits;
import org.schoolcredits.kernel.Money;

/** A pack of credits a school can buy, at a price in pence. */
public record CreditPackage(String id, CreditType creditType, Credits credits, Money price) {
}
