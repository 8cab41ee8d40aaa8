package org.schoolcredits.demo;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The demo's stand-ins for the outside services that cost money: an SMS gateway that fails for
 * numbers ending in 999, and the DVLA, which fails for numbers starting with FAIL.
 */
@ApplicationScoped
public class DemoGateways {

    public boolean sendSms(String to, String text) {
        return !to.endsWith("999");
    }

    public boolean checkWithDvla(String number) {
        return !number.toUpperCase(java.util.Locale.ROOT).startsWith("FAIL");
    }
}
