package it.soglia.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PreRenderViewEvent;
import jakarta.faces.view.ViewDeclarationLanguage;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An Ajax request (a PrimeFaces button, a dialog's confirmation) that fails on the server is answered with the error
 * page, rendered in place of the whole page, as a full-page request is answered by the container with the same page
 * (web.xml). Faces alone answers such a request with an error element that the page never shows: the user would
 * click and see nothing happen. What OmniFaces' FullAjaxExceptionHandler does; OmniFaces 4 itself does not deploy
 * on Mojarra 4.1 (Payara 7): its start-up listener leaves the Faces servlet without its factories.
 */
public class AjaxErrorPageExceptionHandlerFactory extends ExceptionHandlerFactory {

    /** The page web.xml names for status 500 and for any exception. */
    static final String ERROR_PAGE = "/WEB-INF/errorpages/500.xhtml";

    public AjaxErrorPageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(AjaxErrorPageExceptionHandlerFactory.class.getName());

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            FacesContext context = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            if (context == null || !context.getPartialViewContext().isAjaxRequest() || !events.hasNext()) {
                getWrapped().handle();
                return;
            }
            Throwable exception = events.next().getContext().getException();
            events.remove();
            while (events.hasNext()) { // one error page answers them all; each is still logged
                LOG.log(Level.SEVERE, "Also failed in the same Ajax request", events.next().getContext().getException());
                events.remove();
            }
            String view = context.getViewRoot() == null ? "?" : context.getViewRoot().getViewId();
            LOG.log(Level.SEVERE, "An Ajax request on " + view + " failed; it is answered with the error page", exception);
            if (context.getExternalContext().isResponseCommitted()) {
                return; // part of the answer has left already: nothing whole can be sent in its place
            }
            renderErrorPage(context);
        }

        private static void renderErrorPage(FacesContext context) {
            context.getExternalContext().responseReset(); // also forgets the charset: set again, or è arrives as �
            context.getExternalContext().setResponseContentType("text/xml");
            context.getExternalContext().setResponseCharacterEncoding("UTF-8");
            ViewHandler views = context.getApplication().getViewHandler();
            UIViewRoot errorView = views.createView(context, ERROR_PAGE);
            forgetRenderedResources(context);
            context.setViewRoot(errorView);
            context.getPartialViewContext().setRenderAll(true); // replaces the whole document in the browser
            try {
                ViewDeclarationLanguage language = views.getViewDeclarationLanguage(context, ERROR_PAGE);
                language.buildView(context, errorView);
                context.getApplication().publishEvent(context, PreRenderViewEvent.class, errorView);
                language.renderView(context, errorView);
            } catch (IOException e) {
                throw new FacesException(e);
            } finally {
                context.responseComplete();
            }
        }

        /**
         * The stylesheets and scripts count as already on the page in an Ajax request (Mojarra keeps their names
         * under {@link ResourceHandler#RESOURCE_IDENTIFIER}, PrimeFaces each one's as a {@code true} attribute), so
         * the error page's head would come without them; PrimeFaces replaces the whole head with it, and the page
         * would be left unstyled. As OmniFaces does for the same answer.
         */
        private static void forgetRenderedResources(FacesContext context) {
            context.getAttributes().remove(ResourceHandler.RESOURCE_IDENTIFIER);
            context.getAttributes().values().removeAll(Collections.singleton(Boolean.TRUE));
        }
    }
}
