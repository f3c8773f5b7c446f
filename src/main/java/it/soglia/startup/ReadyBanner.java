package it.soglia.startup;

import it.soglia.urls.PublicUrls;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import java.util.logging.Logger;

/**
 * Logs "Soglia is running" with the sign-in address once the application is about to answer. Until then Payara
 * answers its own 404 at {@code /soglia/login}, and {@link Bootstrap} finishes long before: Faces starts after it.
 * The banner comes from a servlet that is loaded at start-up after every other one (Faces' included) and is mapped to
 * no address, so it is the last piece of the application the container starts before it routes requests to it.
 */
@WebListener
public class ReadyBanner implements ServletContextListener {

    static final String TEXT = "Soglia is running";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().addServlet("soglia-ready-banner", BannerServlet.class)
                .setLoadOnStartup(Integer.MAX_VALUE);
    }

    /** Answers nothing (no mapping): its {@code init} is the banner. */
    public static class BannerServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;
        private static final Logger LOG = Logger.getLogger(ReadyBanner.class.getName());

        @Inject
        transient PublicUrls urls;

        @Override
        public void init() {
            String signIn = urls.signIn();
            LOG.info(() -> TEXT + ": sign in at " + signIn);
        }
    }
}
