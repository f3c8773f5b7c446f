package it.soglia.audit;

import java.util.Locale;

/**
 * What an admin needs of a User-Agent at a glance: which browser on which system ("Chrome su Linux"). The full text
 * stays in the audit row; this reads only the tokens every major browser sends, in the order that tells them apart
 * (Edge and Opera also say "Chrome", Chrome also says "Safari").
 *
 * @param browser a browser's name, or null when none is recognised
 * @param system  an operating system's name, or null when none is recognised
 */
public record UserAgentSummary(String browser, String system) {

    public static UserAgentSummary of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new UserAgentSummary(null, null);
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return new UserAgentSummary(browserOf(ua), systemOf(ua));
    }

    private static String browserOf(String ua) {
        if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "Chrome"; // HeadlessChrome too
        }
        if (ua.contains("safari/") && ua.contains("version/")) {
            return "Safari";
        }
        return null;
    }

    private static String systemOf(String ua) {
        if (ua.contains("android")) {
            return "Android"; // before Linux: Android says "Linux" as well
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
            return "iOS"; // before macOS: iOS says "like Mac OS X"
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("mac os x") || ua.contains("macintosh")) {
            return "macOS";
        }
        if (ua.contains("cros")) {
            return "ChromeOS";
        }
        if (ua.contains("linux") || ua.contains("x11")) {
            return "Linux";
        }
        return null;
    }
}
