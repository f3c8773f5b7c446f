package it.soglia.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cookies sent back as browsers send them ({@code name=value; name=value}). The JDK's CookieManager takes Payara's
 * {@code JSESSIONIDVERSION=2f736f676c6961:0} (written when sessions are distributable) for an RFC 2965 cookie and
 * returns it quoted with {@code $Version} and {@code $Path}, which Payara cannot read back.
 */
final class BrowserCookies extends CookieHandler {

    private final CookieManager manager = new CookieManager();

    CookieStore store() {
        return manager.getCookieStore();
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String header = manager.getCookieStore().get(uri).stream()
                .filter(cookie -> cookie.getPath() == null || path.startsWith(cookie.getPath()))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        manager.put(uri, responseHeaders);
    }

    HttpCookie named(String name) {
        return manager.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElse(null);
    }
}
