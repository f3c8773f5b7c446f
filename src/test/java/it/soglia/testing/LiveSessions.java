package it.soglia.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How many HTTP sessions Payara holds, seen from outside: the live {@code StandardSession} objects in a heap histogram
 * of the Payara JVM ({@code jcmd GC.class_histogram}, after a full GC). A session created and sent no cookie for
 * (after the answer was committed, say) would still show here.
 */
public final class LiveSessions {

    private static final Pattern SESSION_ROW = Pattern.compile(
            "^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+org\\.apache\\.catalina\\.session\\.StandardSession(\\s.*)?$");

    private final long pid;

    private LiveSessions(long pid) {
        this.pid = pid;
    }

    /** The Payara JVM this test JVM started for {@code baseUrl} (the one listening on its port). */
    public static LiveSessions of(String baseUrl) {
        int port = URI.create(baseUrl).getPort();
        long pid = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains(" " + port))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Payara Micro process on port " + port))
                .pid();
        return new LiveSessions(pid);
    }

    public long count() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0 || !output.contains("#instances")) {
                throw new IllegalStateException("jcmd GC.class_histogram failed: " + output);
            }
            return output.lines().map(SESSION_ROW::matcher).filter(java.util.regex.Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1))).sum();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
