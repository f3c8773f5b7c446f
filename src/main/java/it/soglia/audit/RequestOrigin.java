package it.soglia.audit;

/**
 * Where a request came from, as the audit trail records it. Values are cut to their column sizes and stripped of
 * control characters, since both come from the client.
 */
public record RequestOrigin(String ip, String userAgent) {

    public static final RequestOrigin SYSTEM = new RequestOrigin("-", "Soglia");

    public RequestOrigin {
        ip = clean(ip, 64);
        userAgent = clean(userAgent, 255);
    }

    static String clean(String value, int max) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cc}", "?"); // C1 controls too, not only ASCII's
        return printable.length() > max ? printable.substring(0, max) : printable;
    }
}
