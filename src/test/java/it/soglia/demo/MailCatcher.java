package it.soglia.demo;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server on loopback (GreenMail) that keeps every mail Soglia sends and prints each one, plain-text
 * part included, to the console of the person running the demo: reset links can be clicked from there. Each mail is
 * printed once, in the order it arrived, whoever it was sent to.
 */
final class MailCatcher implements AutoCloseable {

    private final GreenMail smtp;
    private final PrintStream console;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-catcher");
        thread.setDaemon(true);
        return thread;
    });
    /** Mails in the order GreenMail accepted them, each once, until printed. */
    private final BlockingQueue<MimeMessage> arrived = new LinkedBlockingQueue<>();
    private MovingMessage lastArrived;

    MailCatcher(int port, PrintStream console) {
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.console = console;
    }

    void start() {
        smtp.start();
        watchDeliveries(smtp.getUserManager());
        watcher.scheduleWithFixedDelay(this::printNewMail, 200, 200, TimeUnit.MILLISECONDS);
    }

    /**
     * Notes each mail as GreenMail delivers it. Its {@code getReceivedMessages()} lists the mail grouped by mailbox,
     * not by arrival (and once per recipient), so slicing it by count printed old mails again once a second recipient
     * existed. GreenMail hands each accepted mail to the delivery handler once per recipient, one mail after the other
     * (its SMTP manager delivers under a lock): a mail is new when it is not the one handed over just before.
     */
    private void watchDeliveries(UserManager users) {
        MessageDeliveryHandler usual = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            GreenMailUser mailbox = usual.handle(message, recipient);
            synchronized (this) {
                if (message != lastArrived) {
                    lastArrived = message;
                    arrived.add(message.getMessage());
                }
            }
            return mailbox;
        });
    }

    private void printNewMail() {
        for (MimeMessage message = arrived.poll(); message != null; message = arrived.poll()) {
            console.println(describe(message));
        }
        console.flush();
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
