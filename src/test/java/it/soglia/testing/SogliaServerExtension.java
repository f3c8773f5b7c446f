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
                return startOnceMore();
            } catch (Exception e) {
                throw new IllegalStateException("Soglia could not be started for the tests: " + e.getMessage(), e);
            }
        }, SogliaServer.class);
    }

    /**
     * A start that hangs before the application answers is tried once more, on a fresh database and port. Payara
     * Micro 7.2026.11 was once seen stuck in its own start-up (HK2 run-level threads waiting on each other, before
     * any deployment: the threads are kept in payara-threads.txt); a deployment that fails is not retried.
     */
    private static SogliaServer startOnceMore() throws Exception {
        try {
            return SogliaServer.start();
        } catch (IllegalStateException hung) {
            if (hung.getMessage() == null || !hung.getMessage().startsWith("Soglia did not answer")) {
                throw hung;
            }
            System.err.println("Payara Micro did not start; starting it once more. " + hung.getMessage().lines()
                    .findFirst().orElse(""));
            return SogliaServer.start();
        }
    }
}
