package it.soglia.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.Date;
import jakarta.inject.Inject;

/** Hands one message to the SMTP server of the container's mail session, as multipart plain text + HTML. */
@ApplicationScoped
public class MailSender {

    @Resource(lookup = "mail/soglia")
    Session session;

    @Inject
    Clock clock;

    public void send(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(); // the sender configured on the mail session
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message);
    }

    /** Opens and closes a connection to the SMTP server, as a delivery would (for the readiness check). */
    public void checkConnection() throws MessagingException {
        try (Transport transport = session.getTransport()) {
            transport.connect();
        }
    }

    /** Where mail goes, for the readiness check: host and port, never the credentials. */
    public String server() {
        String protocol = session.getProperty("mail.transport.protocol");
        String prefix = "mail." + (protocol == null ? "smtp" : protocol);
        String host = session.getProperty(prefix + ".host");
        String port = session.getProperty(prefix + ".port");
        return (host == null ? session.getProperty("mail.host") : host) + ":" + (port == null ? "25" : port);
    }
}
