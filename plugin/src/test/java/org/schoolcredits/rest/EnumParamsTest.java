package org.schoolcredits.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.host.CreditType;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;
import org.schoolcredits.purchases.Purchase;

class EnumParamsTest {

    static void status(@QueryParam("status") String status) {
    }

    private static Annotation[] queryParam() throws NoSuchMethodException {
        return EnumParamsTest.class.getDeclaredMethod("status", String.class).getParameterAnnotations()[0];
    }

    @Test
    @DisplayName("an enum parameter is read by its lower-case code; blank is absent")
    void codes() throws Exception {
        ParamConverter<Purchase.Status> status = new EnumParams().getConverter(Purchase.Status.class, Purchase.Status.class,
                queryParam());
        assertEquals(Purchase.Status.AWAITING_PAYMENT, status.fromString("awaiting_payment"));
        assertNull(status.fromString(""));
        assertEquals("awaiting_payment", status.toString(Purchase.Status.AWAITING_PAYMENT));
        assertEquals(CreditType.CONNECT, new EnumParams().getConverter(CreditType.class, CreditType.class, queryParam())
                .fromString("connect"));
    }

    @Test
    @DisplayName("another value is a 400 invalid_parameter naming the parameter and the codes it takes")
    void refusal() throws Exception {
        ParamConverter<Purchase.Status> status = new EnumParams().getConverter(Purchase.Status.class, Purchase.Status.class,
                queryParam());
        CreditsException e = assertThrows(CreditsException.class, () -> status.fromString("PAID"));
        assertEquals(ProblemCode.INVALID_PARAMETER, e.code());
        assertEquals("status", e.extensions().get("parameter"));
        assertEquals("'status' must be one of awaiting_payment, pending, paid, failed, cancelled, refunded, disputed,"
                + " expired", e.getMessage());
    }

    @Test
    @DisplayName("enums that are not the plugin's are left to JAX-RS")
    void othersLeftAlone() throws Exception {
        assertNull(new EnumParams().getConverter(TimeUnit.class, TimeUnit.class, queryParam()));
        assertNull(new EnumParams().getConverter(String.class, String.class, queryParam()));
    }
}
