package it.soglia.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlInputSecret;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import org.primefaces.component.password.Password;

/**
 * What people type into a text field, before any page sees it: text longer than the field's {@code maxlength} is
 * refused with a message (PrimeFaces would cut it silently, and a cut username or address is another one); the
 * surrounding whitespace goes, so a field of blanks is empty and a required one says so. Passwords stay exactly as
 * typed.
 */
@FacesConverter(forClass = String.class)
public class TypedTextConverter implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || component instanceof HtmlInputSecret || component instanceof Password) {
            return value;
        }
        int max = maxLength(component);
        if (max > 0 && sent(context, component, value).length() > max) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text("common.input.too-long", max), null));
        }
        String text = value.strip();
        return text.isEmpty() ? null : text;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }

    /** The field as the browser sent it, before PrimeFaces cut it to {@code maxlength}. */
    private static String sent(FacesContext context, UIComponent component, String decoded) {
        String sent = context.getExternalContext().getRequestParameterMap().get(component.getClientId(context));
        return sent == null ? decoded : sent;
    }

    private static int maxLength(UIComponent component) {
        return component.getAttributes().get("maxlength") instanceof Number max ? max.intValue() : 0;
    }
}
