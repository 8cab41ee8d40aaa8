package org.schoolcredits;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** A MicroProfile Config with nothing set: every bean falls back to its defaults. */
public final class TestConfig {

    private TestConfig() {
    }

    public static Config empty() {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.empty();
                    case "getPropertyNames", "getConfigSources" -> List.of();
                    default -> throw new IllegalStateException("TestConfig does not offer " + method.getName());
                });
    }
}
