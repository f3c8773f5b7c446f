package it.soglia.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a browser posts for one Faces form of a page: its hidden and typed inputs (the view state among
 * them), plus the PrimeFaces CSP nonce that PrimeFaces' script adds before posting. Read with regular expressions
 * rather than an HTML parser: the load generator shares the cores with Soglia and must cost little.
 */
final class FacesForm {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("\\btype=\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private final URI action;
    private final Map<String, String> fields;

    private FacesForm(URI action, Map<String, String> fields) {
        this.action = action;
        this.fields = fields;
    }

    /** The form {@code formId} of {@code html}, served at {@code page}; null when the page has no such form. */
    static FacesForm of(String html, URI page, String formId) {
        int start = html.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            return null;
        }
        int end = html.indexOf("</form>", start);
        String form = html.substring(start, end < 0 ? html.length() : end);
        Matcher action = ACTION.matcher(form.substring(0, form.indexOf('>') + 1));
        if (!action.find()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String tag = input.group();
            String type = attribute(TYPE, tag, "text");
            String name = attribute(NAME, tag, null);
            if (name != null && !type.equals("submit") && !type.equals("button") && !type.equals("checkbox")
                    && !type.equals("radio")) {
                fields.put(name, unescape(attribute(VALUE, tag, "")));
            }
        }
        Matcher nonce = CSP_NONCE.matcher(html);
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1)); // without it PrimeFaces refuses the postback
        }
        return new FacesForm(page.resolve(unescape(action.group(1))), fields);
    }

    URI action() {
        return action;
    }

    /** The form's fields with {@code typed} filled in and {@code button} pressed. */
    Map<String, String> filled(Map<String, String> typed, String button) {
        Map<String, String> data = new LinkedHashMap<>(fields);
        data.putAll(typed);
        data.put(button, "");
        return data;
    }

    private static String attribute(Pattern pattern, String tag, String absent) {
        Matcher m = pattern.matcher(tag);
        return m.find() ? m.group(1) : absent;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'");
    }
}
