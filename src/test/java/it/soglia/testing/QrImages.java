package it.soglia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** Reads QR codes with Debian's {@code zbarimg}, an implementation we did not write. */
public final class QrImages {

    private QrImages() {
    }

    /** Decodes a {@code data:image/png;base64,…} image source. */
    public static String decodeDataUri(String src, Path workDir) {
        String prefix = "data:image/png;base64,";
        if (!src.startsWith(prefix)) {
            throw new AssertionError("not an inline PNG: " + src.substring(0, Math.min(40, src.length())));
        }
        try {
            Files.createDirectories(workDir);
            Path png = Files.createTempFile(workDir, "qr", ".png");
            Files.write(png, Base64.getDecoder().decode(src.substring(prefix.length())));
            return decode(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String decode(Path png) {
        try {
            Process zbar = new ProcessBuilder("zbarimg", "-q", "--raw", png.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!zbar.waitFor(20, TimeUnit.SECONDS) || zbar.exitValue() != 0) {
                throw new AssertionError("zbarimg could not read a QR code in " + png);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("zbarimg is needed (Debian package zbar-tools)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
