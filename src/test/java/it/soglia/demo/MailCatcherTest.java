package it.soglia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.FreePort;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo's mail catcher, fed through real SMTP as Soglia feeds it: what the person running the demo reads on the
 * console is every mail once, in the order the mails were sent.
 */
class MailCatcherTest {

    private static final String MARK = "mail received by the mail catcher";
    private static final String ANNA = "anna@example.test";
    private static final String MARIO = "mario@example.test";

    @Test
    void eachMailIsPrintedOnceInTheOrderItArrivedWhateverItsRecipients() throws Exception {
        int port = FreePort.find();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (MailCatcher catcher = new MailCatcher(port, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            catcher.start();

            send(port, "Uno per Anna", ANNA);
            awaitPrinted(console, 1); // as in the demo: Anna's mailbox exists before Mario's first mail
            send(port, "Due per Mario", MARIO);
            send(port, "Tre per Anna", ANNA);
            send(port, "Quattro per Anna e Mario", ANNA, MARIO); // one mail, two mailboxes

            awaitPrinted(console, 4);
            Thread.sleep(1000); // long enough for the catcher to print a mail twice, as it once did
            String printed = console.toString(StandardCharsets.UTF_8);

            assertThat(subjectsIn(printed))
                    .containsExactly("Uno per Anna", "Due per Mario", "Tre per Anna", "Quattro per Anna e Mario");
            assertThat(printed).contains("Testo di Tre per Anna").contains("To:      [" + ANNA + ", " + MARIO + "]");
        }
    }

    private static void send(int port, String subject, String... recipients) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("soglia@example.test"));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        message.setText("Testo di " + subject, "UTF-8");
        Transport.send(message);
    }

    private static List<String> subjectsIn(String printed) {
        return Pattern.compile("^Subject: (.*)$", Pattern.MULTILINE).matcher(printed).results()
                .map(found -> found.group(1)).toList();
    }

    private static void awaitPrinted(ByteArrayOutputStream console, int mails) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (count(console.toString(StandardCharsets.UTF_8)) < mails) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the catcher printed fewer than " + mails + " mails:\n" + console);
            }
            Thread.sleep(50);
        }
    }

    private static int count(String printed) {
        return (printed.length() - printed.replace(MARK, "").length()) / MARK.length();
    }
}
