package it.soglia.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the one {@link SogliaCluster} of the run: started by the first test class that asks (so a run of other
 * tests needs no PostgreSQL), stopped when the run ends.
 */
public final class SogliaClusterExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SogliaCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SogliaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SogliaCluster.class, type -> {
            try {
                return SogliaCluster.start();
            } catch (Exception e) {
                throw new IllegalStateException("The Soglia cluster could not be started for the tests: "
                        + e.getMessage(), e);
            }
        }, SogliaCluster.class);
    }
}
