package org.schoolcredits;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** MicroProfile Configs for tests: with nothing set (every bean falls back to its defaults), or a few values. */
public final class TestConfig {

    private TestConfig() {
    }

    public static Config empty() {
        return of(java.util.Map.of());
    }

    /** A Config with these values (as strings; read as String or BigDecimal); nothing else set. */
    public static Config of(java.util.Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]))
                            .map(value -> args[1] == java.math.BigDecimal.class ? new java.math.BigDecimal(value) : value);
                    case "getPropertyNames", "getConfigSources" -> List.of();
                    default -> throw new IllegalStateException("TestConfig does not offer " + method.getName());
                });
    }
}
