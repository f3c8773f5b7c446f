package it.soglia.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recorder profile of the Soglia process during one level ({@code -Dsoglia.bench.jfrAtConcurrency=N}),
 * started and stopped with {@code jcmd}, then summed up from the CPU samples of the request threads: how they split
 * over the parts of a sign-in's work, and the methods running on the CPU, so the time can be placed without
 * guessing. (The JIT and GC threads are not sampled: {@link ProcessMeter#cpuNanosByThreadKind} counts them.)
 * The recording stays in the work directory for {@code jfr print} or JDK Mission Control.
 */
final class JfrProfile {

    private final long pid;
    private final Path file;

    JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    void start() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=bench-signin", "settings=profile", "filename=" + file);
    }

    void stopAndSummarize(PrintStream out) throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench-signin");
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> byPart = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> byPart.put(part, 0));
        byPart.put("other", 0);
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || !isRequestThread(event)) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            byPart.merge(partOf(frames), 1, Integer::sum);
        }
        out.printf("JFR profile of Soglia's request threads (%s): %,d CPU samples%n", file, samples);
        print(out, "by part of the work (first match from the list's top, anywhere on the stack)", byPart, samples, 20);
        print(out, "methods on the CPU (self)", self, samples, 15);
    }

    /** Parts of a sign-in's work, each recognised by a class on the stack; the first that matches counts. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("password hash (Argon2)", "org.bouncycastle.crypto.generators.Argon2");
        PARTS.put("QR code PNG (ZXing, ImageIO)", "it.soglia.totp.QrCode");
        PARTS.put("database (H2)", "org.h2.");
        PARTS.put("JPA (EclipseLink)", "org.eclipse.persistence.");
        PARTS.put("Faces render", "com.sun.faces.lifecycle.RenderResponsePhase");
        PARTS.put("Faces restore, decode, invoke", "com.sun.faces.lifecycle.");
        PARTS.put("CDI and EJB (Weld, Payara)", "org.jboss.weld.");
        PARTS.put("HTTP (Grizzly)", "org.glassfish.grizzly.");
    }

    private static String partOf(List<RecordedFrame> frames) {
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            for (RecordedFrame frame : frames) {
                if (frame.getMethod().getType().getName().startsWith(part.getValue())) {
                    return part.getKey();
                }
            }
        }
        return "other";
    }

    private static boolean isRequestThread(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        return thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith("http-thread-pool");
    }

    private static void print(PrintStream out, String title, Map<String, Integer> counts, int samples, int limit) {
        out.println("  " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).forEach(e -> out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        List<String> args = new java.util.ArrayList<>(List.of(jcmd, Long.toString(pid)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
