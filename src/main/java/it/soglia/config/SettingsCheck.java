package it.soglia.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fails the deployment, naming the key, when a {@code soglia.*} setting cannot be read as what Soglia injects it as
 * ({@code soglia.code.lock-duration=15min}, say). The beans that read settings are created on first use, so without
 * this a malformed value would surface as an error page at some user's sign-in instead of at the deployer's start.
 */
public class SettingsCheck implements Extension {

    private final Map<String, Type> settings = new TreeMap<>();

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint point = event.getInjectionPoint();
        ConfigProperty property = point.getAnnotated().getAnnotation(ConfigProperty.class);
        if (property != null && property.name().startsWith("soglia.")) {
            settings.put(property.name(), point.getType());
        }
    }

    void check(@Observes AfterDeploymentValidation validation) {
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        settings.forEach((key, type) -> {
            if (!(type instanceof Class<?> valueType)) {
                return; // Optional<…> and friends: read where they are used
            }
            try {
                config.getOptionalValue(key, boxed(valueType));
            } catch (IllegalArgumentException e) {
                validation.addDeploymentProblem(new IllegalStateException("Soglia cannot start: " + key + " must be "
                        + expected(valueType) + "; it is: " + config.getConfigValue(key).getValue(), e));
            }
        });
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }

    private static String expected(Class<?> type) {
        return switch (boxed(type).getSimpleName()) {
            case "Integer", "Long" -> "a whole number";
            case "Boolean" -> "true or false";
            case "Duration" -> "an ISO-8601 duration such as PT15M (15 minutes) or PT30S";
            default -> "a " + type.getSimpleName();
        };
    }
}
