package it.soglia.rp;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Where the application lands after signing out: a public page. */
@WebServlet("/signed-out")
public class SignedOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Pages.write(response, "Signed out", "<p id=\"signed-out\">You have signed out of the test application.</p>");
    }
}
