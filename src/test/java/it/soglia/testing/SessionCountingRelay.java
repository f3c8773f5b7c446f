package it.soglia.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test SMTP server that counts the sessions Soglia opens, and among them those that
 * never sent {@code MAIL FROM} (a readiness check connects, logs in and quits). Soglia's mail session points at the
 * relay's port; the relay forwards every byte unchanged.
 */
final class SessionCountingRelay {

    private final int port;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger withoutMail = new AtomicInteger();
    private ServerSocket listener;

    SessionCountingRelay(int port) {
        this.port = port;
    }

    synchronized void start(int target) {
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket accepting = listener;
        daemon("smtp-relay-accept", () -> {
            while (!accepting.isClosed()) {
                try {
                    Socket client = accepting.accept();
                    relay(client, target);
                } catch (IOException e) {
                    return; // closed by stop()
                }
            }
        });
    }

    /** Refuses new connections, as a stopped SMTP server does. */
    synchronized void stop() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    int sessionsWithoutMail() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (open.get() > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return withoutMail.get();
    }

    private void relay(Socket client, int target) {
        Socket server;
        try {
            server = new Socket(InetAddress.getByName("127.0.0.1"), target);
        } catch (IOException e) {
            close(client);
            return;
        }
        open.incrementAndGet();
        boolean[] sentMail = {false};
        daemon("smtp-relay-up", () -> {
            try {
                copy(client.getInputStream(), server.getOutputStream(), sentMail);
            } catch (IOException ignored) {
                // a socket already closed
            } finally {
                close(server);
                close(client);
                if (!sentMail[0]) {
                    withoutMail.incrementAndGet();
                }
                open.decrementAndGet();
            }
        });
        daemon("smtp-relay-down", () -> {
            try {
                copy(server.getInputStream(), client.getOutputStream(), null);
            } catch (IOException ignored) {
                // a socket already closed
            } finally {
                close(client);
            }
        });
    }

    /** Copies until either side ends; notes whether the client's bytes contain the MAIL command. */
    private static void copy(InputStream in, OutputStream out, boolean[] sentMail) {
        byte[] buffer = new byte[8192];
        String tail = "";
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
                if (sentMail != null && !sentMail[0]) {
                    String text = tail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                    sentMail[0] = text.toUpperCase(Locale.ROOT).contains("MAIL FROM");
                    tail = text.substring(Math.max(0, text.length() - 9));
                }
            }
        } catch (IOException ignored) {
            // one side closed
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
