package org.schoolcredits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The plugin's defaults, read from its {@code META-INF/microprofile-config.properties} as built, with
 * an expression's own default filled in ({@code ${port:8080}} is 8080), as MicroProfile Config does
 * when nothing else is set.
 */
public final class ConfigDefaults {

    public static final Path FILE = Path.of("target", "classes", "META-INF", "microprofile-config.properties");

    private ConfigDefaults() {
    }

    public static Properties all() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(FILE)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The value as written in the file. */
    public static String raw(String name) {
        return all().getProperty(name);
    }

    /**
     * A {@code @ConfigProperties} bean filled from the defaults as MicroProfile Config would fill it
     * with nothing else set: a field without a default is refused unless it is an {@code Optional}.
     */
    public static <T> T bind(Class<T> type) {
        try {
            T bean = type.getConstructor().newInstance();
            String prefix = type.getAnnotation(ConfigProperties.class).prefix();
            for (Field field : type.getFields()) {
                ConfigProperty named = field.getAnnotation(ConfigProperty.class);
                String name = prefix + "." + (named == null ? field.getName() : named.name());
                String value = value(name);
                if (value == null && field.getType() != Optional.class) {
                    throw new IllegalStateException("no default for " + name);
                }
                field.set(bean, convert(field.getType(), value));
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(Class<?> type, String value) {
        if (type == Optional.class) {
            return Optional.ofNullable(value);
        }
        if (type == Integer.class) {
            return Integer.valueOf(value);
        }
        if (type == Long.class) {
            return Long.valueOf(value);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(value);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(value);
        }
        if (type == Duration.class) {
            return Duration.parse(value);
        }
        if (type == List.class) {
            return List.of(value.split(","));
        }
        return value;
    }

    /** The value with each {@code ${name:default}} replaced by its default. */
    public static String value(String name) {
        String raw = raw(name);
        return raw == null ? null : raw.replaceAll("\\$\\{[^:}]*:([^}]*)}", "$1");
    }
}
