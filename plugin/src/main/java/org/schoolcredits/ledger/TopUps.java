package org.schoolcredits.ledger;

import java.util.List;
import org.schoolcredits.host.CreditType;

/**
 * The packages a school may buy of a credit type, for the forecast's suggestion. The ledger only
 * asks; the catalogue answers, so the ledger stays unaware of the catalogue.
 */
public interface TopUps {

    List<Forecast.TopUp> of(CreditType type);
}
