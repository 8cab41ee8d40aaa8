package org.schoolcredits;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** A MicroProfile Config with nothing set (every bean falls back to its defaults), or with a few values. */
public final class TestConfig {

    private TestConfig() {
    }

    public static Config empty() {
        return of(Map.of());
    }

    /** A config with these values (strings only). */
    public static Config of(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]));
                    case "getValue" -> Optional.ofNullable(values.get((String) args[0])).orElseThrow();
                    case "getPropertyNames", "getConfigSources" -> List.of();
                    default -> throw new IllegalStateException("TestConfig does not offer " + method.getName());
                });
    }
}
