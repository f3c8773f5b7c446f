package it.soglia.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server on loopback (GreenMail) that keeps every mail Soglia sends and prints each one, plain-text
 * part included, to the console of the person running the demo: reset links can be clicked from there.
 */
final class MailCatcher implements AutoCloseable {

    private final GreenMail smtp;
    private final PrintStream console;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-catcher");
        thread.setDaemon(true);
        return thread;
    });
    private int printed;

    MailCatcher(int port, PrintStream console) {
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.console = console;
    }

    void start() {
        smtp.start();
        watcher.scheduleWithFixedDelay(this::printNewMail, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void printNewMail() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (MimeMessage message : Arrays.copyOfRange(received, printed, received.length)) {
            console.println(describe(message));
        }
        printed = received.length;
    }

    private static String describe(MimeMessage message) {
        try {
            return "\n==================== mail received by the mail catcher ====================\n"
                    + "From:    " + Arrays.toString(message.getFrom()) + "\n"
                    + "To:      " + Arrays.toString(message.getAllRecipients()) + "\n"
                    + "Subject: " + message.getSubject() + "\n\n"
                    + plainText(message).strip() + "\n"
                    + "===========================================================================\n";
        } catch (MessagingException | IOException e) {
            return "(a mail arrived that could not be read: " + e.getMessage() + ")";
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = plainText(body);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return part.isMimeType("text/html") ? part.getContent().toString() : "";
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        smtp.stop();
    }
}
