package it.soglia.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key URI and its QR code, read back with Debian's {@code zbarimg}, a decoder we did not write. */
class QrCodeZbarTest {

    /** 20 fixed bytes; Base32 "AERUKZ4JVPG66AAREIZUIVLGO6EJSAFK". */
    private static final byte[] SECRET = HexFormat.of().parseHex("0123456789abcdef0011223344556677889900aa");
    private static final String SECRET_BASE32 = Base32.encode(SECRET);

    @TempDir
    Path dir;

    @Test
    void theKeyUriHasTheGoogleAuthenticatorFormat() {
        String uri = OtpAuthUri.of("Soglia", "mario.rossi", SECRET, TotpPolicy.DEFAULT);

        assertThat(SECRET_BASE32).isEqualTo("AERUKZ4JVPG66AAREIZUIVLGO6EJSAFK");
        assertThat(uri).isEqualTo("otpauth://totp/Soglia:mario.rossi?secret=" + SECRET_BASE32
                + "&issuer=Soglia&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void anIssuerWithASpaceIsPercentEncodedNeverWithAPlus() {
        String uri = OtpAuthUri.of("Acme Intranet", "mario.rossi", SECRET, TotpPolicy.DEFAULT);

        assertThat(uri).startsWith("otpauth://totp/Acme%20Intranet:mario.rossi?secret=" + SECRET_BASE32 + "&")
                .contains("&issuer=Acme%20Intranet&")
                .doesNotContain("+");
    }

    @Test
    void aColonInTheIssuerCannotBeMistakenForTheLabelSeparator() {
        String uri = OtpAuthUri.of("Acme:Soglia", "mario.rossi", SECRET, TotpPolicy.DEFAULT);

        assertThat(uri).startsWith("otpauth://totp/Acme%3ASoglia:mario.rossi?");
    }

    @Test
    void anotherPolicyIsSpelledOutInTheUri() {
        TotpPolicy policy = new TotpPolicy(HmacAlgorithm.SHA256, 8, Duration.ofSeconds(60), 1);

        assertThat(OtpAuthUri.of("Soglia", "mario.rossi", SECRET, policy))
                .endsWith("&issuer=Soglia&algorithm=SHA256&digits=8&period=60");
    }

    @ParameterizedTest(name = "issuer \"{0}\"")
    @ValueSource(strings = {"Soglia", "Acme Intranet", "Comune di Forlì"})
    void aPhoneReadsTheExactKeyUriFromTheQrCode(String issuer) throws IOException {
        String uri = OtpAuthUri.of(issuer, "mario.rossi", SECRET, TotpPolicy.DEFAULT);
        byte[] png = QrCode.png(uri, 240);

        assertThat(zbarimg(write(png))).isEqualTo(uri);
    }

    @Test
    void theQrCodeIsA240PixelBlackOnWhitePng() throws IOException {
        byte[] png = QrCode.png(OtpAuthUri.of("Soglia", "mario.rossi", SECRET, TotpPolicy.DEFAULT), 240);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(240);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("quiet zone").isEqualTo(0xFFFFFF);
        boolean hasBlack = false;
        for (int y = 0; y < 240 && !hasBlack; y++) {
            for (int x = 0; x < 240 && !hasBlack; x++) {
                hasBlack = (image.getRGB(x, y) & 0xFFFFFF) == 0;
            }
        }
        assertThat(hasBlack).as("some black modules").isTrue();
    }

    private Path write(byte[] png) throws IOException {
        Path file = Files.createTempFile(dir, "qr", ".png");
        Files.write(file, png);
        return file;
    }

    /** What zbarimg reads in the image, without the newline it ends its output with. */
    private static String zbarimg(Path png) {
        try {
            Process zbar = new ProcessBuilder("zbarimg", "-q", "--raw", png.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD) // dbus warnings on headless machines
                    .start();
            zbar.getOutputStream().close();
            String out = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!zbar.waitFor(20, TimeUnit.SECONDS)) {
                zbar.destroyForcibly();
                throw new AssertionError("zbarimg did not finish on " + png);
            }
            assertThat(zbar.exitValue()).as("zbarimg exit status (4 = no QR code found) for " + png).isZero();
            return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
        } catch (IOException e) {
            throw new AssertionError("zbarimg is needed for this test and could not be started (" + e.getMessage()
                    + "): install the Debian package 'zbar-tools'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
