package org.schoolcredits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.purchases.PaymentsConfig;
import org.schoolcredits.rest.IdempotencyConfig;
import org.schoolcredits.rest.RateLimitsConfig;

class ConfigurationTest {

    static List<Class<?>> configClasses() throws Exception {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> c : PluginDescriptorTest.pluginClasses()) {
            if (c.isAnnotationPresent(ConfigProperties.class)) {
                found.add(c);
            }
        }
        return found;
    }

    @Test
    @DisplayName("every @ConfigProperties bean of the plugin binds from the one defaults file, Optional fields aside")
    void everyBeanHasItsDefaults() throws Exception {
        List<Class<?>> beans = configClasses();
        assertTrue(beans.size() >= 10, beans.toString());
        for (Class<?> bean : beans) {
            assertTrue(Modifier.isPublic(bean.getModifiers()), bean + " is public (Payara instantiates it)");
            for (Field field : bean.getDeclaredFields()) {
                assertTrue(Modifier.isPublic(field.getModifiers()) && !Modifier.isStatic(field.getModifiers())
                        && !field.getType().isPrimitive(), bean.getSimpleName() + "." + field.getName()
                        + ": public, not static, boxed (Payara keeps a primitive's 0 when a value is missing)");
            }
            assertNotNull(ConfigDefaults.bind(bean), bean.getName());
        }
        assertEquals(20, ConfigDefaults.bind(RateLimitsConfig.class).purchases);
        assertEquals(600, ConfigDefaults.bind(RateLimitsConfig.class).webhook);
        assertEquals(Duration.ofHours(24), ConfigDefaults.bind(IdempotencyConfig.class).ttl);
        assertEquals(List.of("card", "bacs_debit"), ConfigDefaults.bind(PaymentsConfig.class).paymentMethods);
        assertEquals(false, ConfigDefaults.bind(PaymentsConfig.class).simulatedPayments, "fail closed by default");
    }

    @Test
    @DisplayName("the plugin's defaults rank below a host's own microprofile-config.properties, environment and system properties")
    void hostsOverride() {
        int ordinal = Integer.parseInt(ConfigDefaults.raw("config_ordinal"));
        assertTrue(ordinal < 100, "a host's META-INF/microprofile-config.properties has 100: " + ordinal);
    }

    @Test
    @DisplayName("no secret has a default")
    void noSecretDefaults() {
        for (String secret : List.of("stripe.secret.key", "stripe.webhook.secret", "smtp.password", "smtp.user",
                "credits.db.password", "credits.db.migration.password")) {
            assertNull(ConfigDefaults.raw(secret), secret);
        }
    }

    @Test
    @DisplayName("no default is written in code: no @ConfigProperty carries a defaultValue")
    void noDefaultsInCode() throws Exception {
        Set<String> found = new TreeSet<>();
        for (Class<?> c : PluginDescriptorTest.pluginClasses()) {
            List<AnnotatedElement> elements = new ArrayList<>(List.of(c.getDeclaredFields()));
            for (Executable e : c.getDeclaredConstructors()) {
                elements.addAll(List.of(e.getParameters()));
            }
            for (Executable e : c.getDeclaredMethods()) {
                elements.addAll(List.of(e.getParameters()));
            }
            for (AnnotatedElement element : elements) {
                ConfigProperty property = element.getAnnotation(ConfigProperty.class);
                if (property != null && !property.defaultValue().equals(ConfigProperty.UNCONFIGURED_VALUE)) {
                    found.add(c.getSimpleName() + ": " + property.name());
                }
            }
        }
        assertEquals(Set.of(), found);
    }
}
