package it.soglia.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the one {@link SogliaServer} of the run: started by the first test class that asks, stopped when
 * the run ends (JUnit closes it with the root store).
 */
public final class SogliaServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SogliaServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SogliaServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SogliaServer.class, type -> {
            try {
                return SogliaServer.start(); // a start that hangs is retried there
            } catch (Exception e) {
                throw new IllegalStateException("Soglia could not be started for the tests: " + e.getMessage(), e);
            }
        }, SogliaServer.class);
    }
}
