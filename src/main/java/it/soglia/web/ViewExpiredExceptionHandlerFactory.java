package it.soglia.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;

/**
 * A form posted after its view expired (a tab left open past the session) leads back to the sign-in with a
 * message, for Ajax requests too, instead of an error page.
 */
public class ViewExpiredExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ViewExpiredExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                if (isViewExpired(events.next().getContext().getException())) {
                    events.remove();
                    Navigation.toLogin(LoginNotice.VIEW_EXPIRED);
                    return;
                }
            }
            getWrapped().handle();
        }

        /** Also when wrapped, as Faces does for exceptions thrown during a phase. */
        private static boolean isViewExpired(Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }
    }
}
