package it.soglia.web;

import it.soglia.security.Pages;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The context root itself ({@code /soglia/}) leads to the profile, which asks for a sign-in when needed. */
@WebServlet(urlPatterns = "")
public class RootRedirectServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + Pages.PROFILE);
    }
}
