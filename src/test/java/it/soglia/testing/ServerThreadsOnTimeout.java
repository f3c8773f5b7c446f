package it.soglia.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;

/**
 * When a test runs past its timeout ({@code junit.jupiter.execution.timeout.default}), prints what the Payara
 * processes were doing at that moment, before JUnit interrupts the test: JUnit's own dump shows only the test
 * JVM, whose thread merely waits for an answer. Registered for every test through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}.
 */
public final class ServerThreadsOnTimeout implements PreInterruptCallback {

    @Override
    public void beforeThreadInterrupt(PreInterruptContext interrupt, ExtensionContext context) {
        System.out.println("Timeout in " + context.getDisplayName() + " (" + context.getUniqueId()
                + "): threads of the servers it was talking to:\n" + ThreadDumps.ofChildJvms());
    }
}
