package it.soglia.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recorder profile of the Soglia process during one level ({@code -Dsoglia.bench.jfrAtConcurrency=N}),
 * started and stopped with {@code jcmd}, then summed up from its CPU samples: the methods running on the CPU
 * (self) and the application and library methods that were on the stack (total), so the time can be placed
 * without guessing. The recording stays in the work directory for {@code jfr print} or JDK Mission Control.
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
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>(); // recursion counts once per sample
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (isOfInterest(name) && seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        out.printf("JFR profile of Soglia (%s): %,d CPU samples%n", file, samples);
        print(out, "on the CPU (self)", self, samples, 25);
        print(out, "on the stack (total), it.soglia / Bouncy Castle / Faces / JPA / H2 / ZXing / ImageIO", total,
                samples, 40);
    }

    private static boolean isOfInterest(String method) {
        return method.startsWith("it.soglia.") || method.startsWith("org.bouncycastle.")
                || method.startsWith("com.sun.faces.lifecycle.") || method.startsWith("org.eclipse.persistence.internal.jpa.EntityManagerImpl")
                || method.startsWith("org.h2.command.") || method.startsWith("com.google.zxing.")
                || method.startsWith("javax.imageio.ImageIO") || method.startsWith("org.primefaces.");
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
