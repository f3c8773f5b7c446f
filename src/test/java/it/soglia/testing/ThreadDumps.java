package it.soglia.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the Java processes this test JVM started (Payara Micro, one or two nodes) are doing right now, from
 * {@code jcmd <pid> Thread.print}: printed when a request or a test runs out of time, so a hang in CI can be read
 * afterwards instead of only timing out. (JUnit prints the test JVM's own threads itself:
 * {@code junit.jupiter.execution.timeout.threaddump.enabled} in {@code junit-platform.properties}.)
 */
public final class ThreadDumps {

    private ThreadDumps() {
    }

    /** One thread dump per live child JVM, or a line saying why there is none. */
    public static String ofChildJvms() {
        List<ProcessHandle> jvms = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
        if (jvms.isEmpty()) {
            return "(no child JVM is running)";
        }
        return jvms.stream().map(ThreadDumps::of).collect(Collectors.joining("\n"));
    }

    private static String of(ProcessHandle jvm) {
        String heading = "==== threads of pid " + jvm.pid() + ": " + jvm.info().commandLine().orElse("?") + "\n";
        try {
            Path out = Files.createTempFile("soglia-threads-" + jvm.pid() + "-", ".txt");
            Process jcmd = new ProcessBuilder(jcmdFor(jvm).toString(), Long.toString(jvm.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) { // a JVM too stuck to answer: say so, do not hang here too
                jcmd.destroyForcibly();
                return heading + "(jcmd did not answer within 30 s)\n" + Files.readString(out);
            }
            String dump = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            return heading + dump;
        } catch (IOException e) {
            return heading + "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return heading + "(no thread dump: interrupted)";
        }
    }

    /** The child's own JDK's jcmd if it has one (a JRE has none: then this JVM's). */
    private static Path jcmdFor(ProcessHandle jvm) {
        Path own = jvm.info().command().map(c -> Path.of(c).resolveSibling("jcmd")).orElse(null);
        if (own != null && Files.isExecutable(own)) {
            return own;
        }
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }
}
