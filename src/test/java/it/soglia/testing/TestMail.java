package it.soglia.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real SMTP server (GreenMail) that receives every mail Soglia sends during the tests, behind a relay that counts
 * the SMTP sessions opened to it (a readiness check is a session that sends no mail).
 */
public final class TestMail implements AutoCloseable {

    private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+/reset\\?token=[A-Za-z0-9_-]+");

    private final int port;
    private final SessionCountingRelay relay;
    private GreenMail smtp;

    public TestMail(int port) {
        this.port = port;
        this.relay = new SessionCountingRelay(port);
        start();
    }

    public int port() {
        return port;
    }

    /**
     * Accepts an SMTP login, as a production relay asks for one (payara-config/mail-postboot.asadmin logs in):
     * GreenMail then knows this user and password.
     */
    public synchronized void acceptLogin(String user, String password) {
        smtp.setUser(user + "@example.test", user, password);
    }

    /** SMTP goes down: Soglia's deliveries fail until {@link #start()}. */
    public synchronized void stop() {
        relay.stop();
        smtp.stop();
    }

    public synchronized void start() {
        int greenMailPort = FreePort.find();
        smtp = new GreenMail(new ServerSetup(greenMailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        relay.start(greenMailPort);
    }

    /**
     * SMTP sessions that ended without sending a mail (connection checks), since the start of the run; it first waits
     * until no session is open, so a check that just ended is counted.
     */
    public int sessionsWithoutMail() {
        return relay.sessionsWithoutMail();
    }

    /** A received mail, split into what a reader sees. */
    public record ReceivedMail(String to, String subject, String text, String html, String contentType) {

        public String resetLink() {
            Matcher m = RESET_LINK.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no reset link in the mail:\n" + text);
            }
            return m.group();
        }

        /** The link's path and query, to open against the test server. */
        public String resetPath() {
            String link = resetLink();
            return link.substring(link.indexOf("/reset"));
        }
    }

    public synchronized List<ReceivedMail> to(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> isTo(m, recipient)).map(TestMail::read).toList();
    }

    /** How many mails reached any mailbox of {@code domain}, To, Cc and Bcc alike (GreenMail counts envelopes). */
    public synchronized int deliveredToDomain(String domain) {
        return smtp.getReceivedMessagesForDomain(domain).length;
    }

    /** The mails to {@code recipient} that carry a reset link, oldest first. */
    public List<ReceivedMail> resetLinks(String recipient) {
        return to(recipient).stream().filter(m -> RESET_LINK.matcher(m.text()).find()).toList();
    }

    /** Waits for {@code count} reset-link mails to {@code recipient}; returns them, oldest first. */
    public List<ReceivedMail> awaitResetLinks(String recipient, int count) {
        return awaitMatching(recipient, count, m -> RESET_LINK.matcher(m.text()).find());
    }

    /** The newest reset-link mail to {@code recipient}, once there is one. */
    public ReceivedMail awaitResetLink(String recipient) {
        List<ReceivedMail> mails = awaitResetLinks(recipient, 1);
        return mails.get(mails.size() - 1);
    }

    /** The newest mail to {@code recipient} whose text contains {@code fragment}, once there is one. */
    public ReceivedMail awaitContaining(String recipient, String fragment) {
        List<ReceivedMail> mails = awaitMatching(recipient, 1, m -> m.text().contains(fragment));
        return mails.get(mails.size() - 1);
    }

    /**
     * Waits until {@code count} mails to {@code recipient} contain {@code fragment}; returns them, oldest first. Count
     * the mails before an action and wait for one more, so an older mail of the same kind cannot stand in for it.
     */
    public List<ReceivedMail> awaitAllContaining(String recipient, String fragment, int count) {
        return awaitMatching(recipient, count, m -> m.text().contains(fragment));
    }

    /** How many mails to {@code recipient} contain {@code fragment} by now. */
    public long countContaining(String recipient, String fragment) {
        return to(recipient).stream().filter(m -> m.text().contains(fragment)).count();
    }

    private List<ReceivedMail> awaitMatching(String recipient, int count, java.util.function.Predicate<ReceivedMail> kind) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<ReceivedMail> mails = to(recipient).stream().filter(kind).toList();
            if (mails.size() >= count) {
                return mails;
            }
            pause();
        }
        throw new AssertionError("expected " + count + " such mail(s) to " + recipient + ", got: "
                + to(recipient).stream().map(ReceivedMail::subject).toList());
    }

    @Override
    public synchronized void close() {
        relay.stop();
        smtp.stop();
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            String text = "";
            String html = "";
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = part.getContent().toString();
                    } else if (part.isMimeType("text/html")) {
                        html = part.getContent().toString();
                    }
                }
            } else {
                text = message.getContent().toString();
            }
            return new ReceivedMail(message.getRecipients(Message.RecipientType.TO)[0].toString(),
                    message.getSubject(), text, html, message.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
