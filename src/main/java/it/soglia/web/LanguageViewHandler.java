package it.soglia.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the page language from the browser's Accept-Language among the supported ones, and Italian when the
 * browser names none of them. (Faces alone falls back to the server's own locale when the header is missing.)
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        var application = context.getApplication();
        Locale fallback = application.getDefaultLocale();
        String header = context.getExternalContext().getRequestHeaderMap().get("Accept-Language");
        if (header == null || header.isBlank()) {
            return fallback;
        }
        List<Locale> supported = new ArrayList<>();
        supported.add(fallback);
        application.getSupportedLocales().forEachRemaining(supported::add);
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), supported);
            return chosen != null ? chosen : fallback;
        } catch (IllegalArgumentException malformedHeader) {
            return fallback;
        }
    }
}
