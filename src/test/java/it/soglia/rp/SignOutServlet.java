package it.soglia.rp;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Signs out of the application as its developer would: {@code request.logout()}. The OpenID mechanism then sends
 * the browser to Soglia's end-session endpoint (with the ID token as hint), which comes back to {@code /signed-out};
 * if it did not, the application's own page follows.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.logout();
        if (!response.isCommitted() && response.getHeader("Location") == null) {
            response.sendRedirect(request.getContextPath() + "/signed-out?local-only");
        }
    }
}
