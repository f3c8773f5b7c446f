package it.soglia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * One browser session without a browser: cookies, redirects followed one by one, and Faces forms posted as a
 * browser posts them (all fields of the form, the pressed button, the view state).
 */
public final class WebSession {

    private String baseUrl;
    private final BrowserCookies cookies = new BrowserCookies();
    private final HttpClient client;
    private String acceptLanguage = "it-IT,it;q=0.9";
    /**
     * Each session is its own client, as different people are: the test server trusts 127.0.0.1 as a proxy
     * ({@code soglia.http.trusted-proxies}), so this address is what Soglia sees, audits and throttles.
     */
    private String clientAddress = "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    private static final java.util.Random RANDOM = new java.util.Random();
    /**
     * How long one request may wait for its answer: generous (the slowest answers here take a few seconds), so only
     * a server that hangs hits it, and the test then fails in a minute, with Payara's threads, not at CI's limit.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Speaks HTTP/1.1, as browsers do over plain http: the JDK client's default upgrade to HTTP/2 (h2c) once
     * dead-locked Payara's Grizzly HTTP/2 threads.
     */
    public WebSession(String baseUrl) {
        this(baseUrl, HttpClient.Version.HTTP_1_1);
    }

    /** With a chosen HTTP version (a test of what a non-browser client may send). */
    public WebSession(String baseUrl, HttpClient.Version version) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Sends the next requests to another node serving the same Soglia (behind a load balancer, say), keeping the
     * cookies: the session id and Payara's {@code JSESSIONIDVERSION}.
     */
    public WebSession switchTo(String otherBaseUrl) {
        this.baseUrl = otherBaseUrl;
        return this;
    }

    /** Comes from {@code address} from now on (several sessions of one client, say). */
    public WebSession fromAddress(String address) {
        this.clientAddress = address;
        return this;
    }

    public String clientAddress() {
        return clientAddress;
    }

    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    /** Sends {@code name: value} with every request from now on (an {@code Origin} of another site, say). */
    public WebSession header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public WebSession acceptLanguage(String header) {
        this.acceptLanguage = header;
        return this;
    }

    /** A page as the user sees it after all redirects; {@code body} is the HTML exactly as the server sent it. */
    public record Page(URI uri, int status, HttpHeaders headers, Document document, String body) {

        public String path() {
            return uri.getPath();
        }

        public Optional<Element> byId(String id) {
            return Optional.ofNullable(document.getElementById(id));
        }

        public String text(String id) {
            return byId(id).map(Element::text).orElseThrow(() -> new AssertionError("no #" + id + " on " + uri));
        }

        /** The texts in {@code #messages}. */
        public String messages() {
            return byId("messages").map(Element::text).orElse("");
        }

        public boolean has(String id) {
            return byId(id).isPresent();
        }
    }

    public Page get(String path) {
        return follow(request(path).GET().build());
    }

    /** Fills the named fields of form {@code formId} on the page and presses {@code buttonId}. */
    public Page submit(Page page, String formId, Map<String, String> fields, String buttonId) {
        return follow(formPost(page, formId, fields, buttonId));
    }

    /** The raw answer to a form post (a download, say), redirects not followed. */
    public HttpResponse<String> submitRaw(Page page, String formId, Map<String, String> fields, String buttonId) {
        return send(formPost(page, formId, fields, buttonId));
    }

    private HttpRequest formPost(Page page, String formId, Map<String, String> fields, String buttonId) {
        Element element = page.document().getElementById(formId);
        if (!(element instanceof FormElement form)) {
            throw new AssertionError("no form #" + formId + " on " + page.uri());
        }
        Map<String, String> data = new LinkedHashMap<>();
        form.formData().forEach(kv -> data.put(kv.key(), kv.value()));
        cspNonceOf(page.document()).ifPresent(nonce -> data.put(CSP_NONCE_FIELD, nonce));
        fields.forEach((name, value) -> data.put(formId + ":" + name, value));
        data.put(buttonId, "");
        String body = data.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI action = page.uri().resolve(form.attr("action"));
        return builder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * Sends the PrimeFaces Ajax request a browser sends when {@code source} (a component of form {@code formId})
     * fires, with the form's current fields plus {@code params}, and returns the HTML of the updated components.
     */
    public Document ajax(Page page, String formId, String source, Map<String, String> params) {
        HttpResponse<String> response = ajaxRaw(page, formId, source, params);
        if (response.statusCode() != 200 || !response.body().contains("<partial-response")) {
            throw new AssertionError("Ajax from " + source + " answered " + response.statusCode() + ": " + response.body());
        }
        return updatesOf(response.body(), page.uri().toString());
    }

    /** The same Ajax request as {@link #ajax}, answered as it came: status and partial-response XML. */
    public HttpResponse<String> ajaxRaw(Page page, String formId, String source, Map<String, String> params) {
        Element element = page.document().getElementById(formId);
        if (!(element instanceof FormElement form)) {
            throw new AssertionError("no form #" + formId + " on " + page.uri());
        }
        Map<String, String> data = new LinkedHashMap<>();
        form.formData().forEach(kv -> data.put(kv.key(), kv.value()));
        cspNonceOf(page.document()).ifPresent(nonce -> data.put(CSP_NONCE_FIELD, nonce));
        data.putAll(Map.of("jakarta.faces.partial.ajax", "true", "jakarta.faces.source", source,
                "jakarta.faces.partial.execute", source, "jakarta.faces.partial.render", source));
        data.putAll(params);
        String body = data.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(builder(page.uri().resolve(form.attr("action")))
                .header("Faces-Request", "partial/ajax")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The HTML of the components a partial response updates, as one document. */
    public static Document updatesOf(String partialResponse, String baseUri) {
        Document xml = Jsoup.parse(partialResponse, "", org.jsoup.parser.Parser.xmlParser());
        // A table answers with bare rows, which an HTML parser drops outside a table: give each update one.
        String html = xml.select("update").stream().map(Element::text)
                .map(update -> update.strip().startsWith("<tr") ? "<table><tbody>" + update + "</tbody></table>" : update)
                .collect(Collectors.joining("\n"));
        return Jsoup.parseBodyFragment(html, baseUri);
    }

    private static final String CSP_NONCE_FIELD = "primefaces.nonce";
    private static final java.util.regex.Pattern CSP_INIT = java.util.regex.Pattern.compile(
            "PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    /**
     * The page's CSP nonce, which PrimeFaces' script puts into every Faces form before it is posted (a postback
     * without it is refused): posting it here does what the browser does.
     */
    public static Optional<String> cspNonceOf(Document page) {
        var found = CSP_INIT.matcher(page.html());
        return found.find() ? Optional.of(found.group(1)) : Optional.empty();
    }

    /** The raw answer to a GET, redirects not followed. */
    public HttpResponse<String> raw(String path) {
        return send(request(path).GET().build());
    }

    /** As {@link #raw}, through a proxy that ended TLS and says so ({@code X-Forwarded-Proto: https}). */
    public HttpResponse<String> rawOverHttpsProxy(String path) {
        return send(request(path).header("X-Forwarded-Proto", "https").GET().build());
    }

    public String sessionId() {
        HttpCookie session = cookies.named("JSESSIONID");
        return session == null ? null : session.getValue();
    }

    private HttpRequest.Builder request(String path) {
        return builder(URI.create(baseUrl + path));
    }

    private HttpRequest.Builder builder(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept-Language", acceptLanguage)
                .header("X-Forwarded-For", clientAddress);
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private Page follow(HttpRequest first) {
        HttpRequest request = first;
        for (int hops = 0; hops < 10; hops++) {
            HttpResponse<String> response = send(request);
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 == 3 && location.isPresent()) {
                request = builder(request.uri().resolve(location.get())).GET().build();
                continue;
            }
            Document document = Jsoup.parse(response.body(), response.uri().toString());
            return new Page(response.uri(), response.statusCode(), response.headers(), document, response.body());
        }
        throw new AssertionError("too many redirects from " + first.uri());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s to " + request.method() + " "
                    + request.uri() + "; what the servers' threads were doing then:\n" + ThreadDumps.ofChildJvms(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
