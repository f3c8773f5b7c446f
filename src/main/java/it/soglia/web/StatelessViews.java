package it.soglia.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Set;

/**
 * The pages an anonymous visitor sees keep no view state on the server (stateless views), so that a visitor who
 * has not typed a right password costs no HTTP session: a flood of such requests once filled the heap with
 * sessions. The code prompt is one of them too, although a session exists by then: its view state would stay in
 * every signed-in session for nothing once the code was accepted, and saving and restoring it cost each sign-in
 * CPU (BENCHMARKS.md, issue 16). Their forms still work (Faces builds a stateless view again from the page when
 * it is posted), and forms posted from another site are refused by {@code security/CrossSiteFormPosts}, since no
 * view state in a session ties a post to this browser any more.
 *
 * <p>Each of these pages says so itself ({@code <ui:param name="statelessView" value="true"/>}, which the layout's
 * {@code <f:view transient>} reads when the page is built, also when it is posted). That comes too late for
 * PrimeFaces, which makes its script nonce (primefaces.CSP) before the page is built and keeps it in the view map of
 * any view not yet transient, and Faces keeps view maps in the session: so the view is marked here already when it
 * is created. The two lists must name the same pages ({@code security/AnonymousVisitorsIT} fails otherwise).
 */
public class StatelessViews extends ViewHandlerWrapper {

    static final Set<String> VIEW_IDS = Set.of("/login.xhtml", "/code.xhtml", "/lost-code.xhtml", "/reset.xhtml",
            "/WEB-INF/errorpages/404.xhtml", "/WEB-INF/errorpages/500.xhtml",
            "/WEB-INF/errorpages/application-error.xhtml");

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        if (view != null && VIEW_IDS.contains(view.getViewId())) {
            view.setTransient(true);
        }
        return view;
    }
}
