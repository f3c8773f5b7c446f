package it.soglia.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.soglia.account.Account;
import it.soglia.account.Argon2Parameters;
import it.soglia.account.Argon2PasswordHasher;
import it.soglia.account.SearchKeys;
import it.soglia.testing.Codes;
import it.soglia.testing.FreePort;
import it.soglia.testing.PayaraMicroProcess;
import it.soglia.testing.TestDatabase;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The admin tables at scale ({@code mvn -Pbench verify}, see BENCHMARKS.md): starts Soglia once in Payara Micro on an
 * H2 TCP database, signs in as the bootstrap admin (enrolling it over HTTP), seeds accounts and audit rows by JDBC in
 * two steps (10,000 / 100,000 accounts, then 100,000 / 1,000,000 audit rows), and after each step measures the HTTP
 * round trip on loopback of the first page, a sort and a search of {@code /admin/users} and {@code /admin/audit}, as a
 * browser sends them (Faces GET, PrimeFaces partial Ajax POSTs). Prints median and p95, the Payara process RSS and
 * its heap after a full GC, and H2's per-statement timings. Not a test: it asserts only that the answers carry rows.
 */
public final class AdminTablesBenchmark {

    private static final String ADMIN = "bench.admin";
    private static final String ADMIN_PASSWORD = "bench-admin-password-2026";
    private static final long ID_BASE = 1_000_000_000L; // far above EclipseLink's sequence blocks
    private static final int BATCH = 5_000;
    private static final String[] FIRST = {"Mario", "Anna", "Luca", "Giulia", "Marco", "Francesca", "Paolo", "Sara",
            "Andrea", "Chiara", "Giovanni", "Elena", "Stefano", "Laura", "Alessandro", "Valentina", "Davide", "Marta",
            "Matteo", "Silvia"};
    private static final String[] LAST = {"Rossi", "Bianchi", "Russo", "Ferrari", "Esposito", "Romano", "Colombo",
            "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
            "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli",
            "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis",
            "D'Angelo", "Marchetti"};
    private static final String[] AUDIT_TYPES = {"SIGN_IN_PASSWORD_OK", "SIGN_IN_COMPLETED", "SIGN_IN_PASSWORD_FAILED",
            "CODE_FAILED", "CODE_LOCKED", "TWO_FACTOR_ENROLLED", "RESET_REQUESTED", "RESET_MAIL_QUEUED",
            "TWO_FACTOR_RESET", "STEP_UP_OK", "QR_VIEWED", "CODE_UNLOCKED", "ACCOUNT_CHANGED"};
    private static final Pattern VIEW_STATE = Pattern.compile(
            "<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]*)\\]\\]>");

    private final PrintStream out = System.out;
    private final int warmup = Integer.getInteger("soglia.bench.warmup", 5);
    private final int repeats = Integer.getInteger("soglia.bench.repeats", 20);
    private final int slowLimitMs = Integer.getInteger("soglia.bench.slowLimitMs", 10_000);
    /** {@code -Dsoglia.bench.tables=users}: only the users table, and no audit rows seeded (a shorter run). */
    private final List<String> tables = List.of(System.getProperty("soglia.bench.tables", "users,audit").split(","));
    /** {@code -Dsoglia.bench.exportOnly=true}: only the CSV exports are measured (a shorter run). */
    private final boolean exportOnly = Boolean.getBoolean("soglia.bench.exportOnly");
    /** An export reads every row: fewer rounds than the pages, and a limit of its own. */
    private final int exportWarmup = Integer.getInteger("soglia.bench.exportWarmup", 1);
    private final int exportRepeats = Integer.getInteger("soglia.bench.exportRepeats", 3);
    private final int exportLimitMs = Integer.getInteger("soglia.bench.exportLimitMs", 900_000);
    private final Random random = new Random(42);
    private TestDatabase database;
    private String baseUrl;
    private HttpClient http;
    private String cookie;
    private long payaraPid;
    private int accountsSeeded;
    private int auditSeeded;
    private final List<String[]> results = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new AdminTablesBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Path.of(System.getProperty("soglia.bench.workDir", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        int accountsSmall = Integer.getInteger("soglia.bench.accounts.small", 10_000);
        int accountsLarge = Integer.getInteger("soglia.bench.accounts", 100_000);
        int auditSmall = Integer.getInteger("soglia.bench.audit.small", 100_000);
        int auditLarge = Integer.getInteger("soglia.bench.audit", 1_000_000);

        database = TestDatabase.start(work.resolve("db"));
        int smtpPort = FreePort.find();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int port = FreePort.find();
        baseUrl = "http://127.0.0.1:" + port + "/soglia";
        Path mailCommands = work.resolve("mail-postboot.asadmin");
        Files.writeString(mailCommands, "create-javamail-resource --mailhost 127.0.0.1 --mailuser soglia"
                + " --fromaddress soglia@example.test --property mail.smtp.port=" + smtpPort
                + ":mail.smtp.connectiontimeout=5000:mail.smtp.timeout=5000 mail/soglia\n");
        Path clockFile = work.resolve("clock-offset");
        Files.writeString(clockFile, "PT0S");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.deleteIfExists(work.resolve("payara.log"));
        out.println("Starting Soglia (log: " + work.resolve("payara.log") + ") ...");
        PayaraMicroProcess payara = PayaraMicroProcess.start(new PayaraMicroProcess.Options(
                Path.of(System.getProperty("soglia.bench.payaraJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("soglia.bench.war", "target/soglia.war")),
                "soglia", port,
                Map.of("soglia.db.url", database.url() + dbUrlSuffix(),
                        "soglia.testing.clock-offset-file", clockFile.toString(),
                        "soglia.issuer", "Soglia Bench",
                        "soglia.base-url", baseUrl,
                        "soglia.bootstrap-admin.username", ADMIN,
                        "soglia.bootstrap-admin.password", ADMIN_PASSWORD,
                        // the exports need a recent sign-in, and seeding a million rows takes minutes
                        "soglia.profile.fresh-sign-in", "PT12H"),
                Map.of("SOGLIA_CRYPTO_KEY", Base64.getEncoder().encodeToString(key)),
                List.of(mailCommands), work.resolve("payara.log"), null));
        try {
            payara.awaitReady(URI.create(baseUrl + "/login"), Duration.ofSeconds(180));
            payaraPid = findPayaraPid(port);
            out.println("Soglia ready, Payara pid " + payaraPid + "; RSS " + rssKb() / 1024 + " MB");
            signInAsAdmin();

            seed(accountsSmall, auditSmall);
            measureAll();
            seed(accountsLarge, auditLarge);
            execute("SET QUERY_STATISTICS TRUE");
            execute("SET QUERY_STATISTICS_MAX_ENTRIES 500");
            measureAll();
            printQueryStatistics();
            printResults();
        } finally {
            payara.close();
            mail.stop();
            database.close();
        }
    }

    /**
     * H2 hands back the previous result of an identical deterministic query while no table changed
     * (OPTIMIZE_REUSE_RESULTS): a benchmark that repeats one sort would then measure a cache. Off by default here
     * ({@code -Dsoglia.bench.h2ReuseResults=true} keeps H2's default). The first connection (Payara's) sets it.
     */
    private static String dbUrlSuffix() {
        return Boolean.getBoolean("soglia.bench.h2ReuseResults") ? "" : ";OPTIMIZE_REUSE_RESULTS=FALSE";
    }

    // ------------------------------------------------------------------ sign-in

    private void signInAsAdmin() {
        WebSession session = new WebSession(baseUrl);
        Page login = session.get("/login");
        Page enrol = session.submit(login, "login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD), "login:submit");
        if (!enrol.has("enroll")) {
            throw new IllegalStateException("the bootstrap admin did not reach enrolment: " + enrol.uri() + " "
                    + enrol.messages());
        }
        String secret = enrol.text("manual-key").replace(" ", "");
        Page codes = session.submit(enrol, "enroll", Map.of("code", Codes.code(secret, Instant.now(), 0)),
                "enroll:submit");
        if (!codes.path().endsWith("/recovery-codes")) { // a new enrolment shows its recovery codes
            throw new IllegalStateException("enrolment ended on " + codes.uri() + ": " + codes.messages());
        }
        cookie = "JSESSIONID=" + session.sessionId();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build(); // each request has its own timeout too (send)
        out.println("Signed in as " + ADMIN + " (enrolled over HTTP)");
    }

    // ------------------------------------------------------------------ seeding

    private void seed(int accounts, int auditRows) throws Exception {
        long start = System.nanoTime();
        String hash = new Argon2PasswordHasher(Argon2Parameters.DEFAULT, new SecureRandom())
                .hash("bench-user-password-2026"); // one hash, reused: only the tables' size matters here
        Instant now = Instant.now();
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            // No authenticator rows (totp_authenticator): the users table reads only the account's two_factor_state.
            try (PreparedStatement insert = c.prepareStatement("insert into account (id, username, username_key,"
                    + " display_name, email, language, role, enabled, password_hash, two_factor_state,"
                    + " code_failures, code_locked_until, last_sign_in_at, last_sign_in_ip, created_at, updated_at,"
                    + " version, search_text) values (?, ?, ?, ?, ?, 'it', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0, ?)");
                 PreparedStatement insertKey = c.prepareStatement( // what Account writes with its search text
                         "insert into account_search_key (account_id, search_key) values (?, ?)")) {
                for (int i = accountsSeeded; i < accounts; i++) {
                    String first = FIRST[random.nextInt(FIRST.length)];
                    String last = LAST[random.nextInt(LAST.length)];
                    String username = userName(i, first, last);
                    boolean active = random.nextInt(10) < 8;
                    Instant created = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 700)));
                    insert.setLong(1, ID_BASE + i);
                    insert.setString(2, username);
                    insert.setString(3, username.toLowerCase(Locale.ROOT));
                    String displayName = first + " " + last;
                    String email = random.nextInt(20) == 0 ? null : username.toLowerCase(Locale.ROOT) + "@example.test";
                    insert.setString(4, displayName);
                    insert.setString(5, email);
                    insert.setString(6, random.nextInt(200) == 0 ? "ADMIN" : "USER");
                    insert.setBoolean(7, random.nextInt(50) != 0);
                    insert.setString(8, hash);
                    insert.setString(9, active ? "ACTIVE" : "NOT_ENROLLED");
                    insert.setTimestamp(10, random.nextInt(500) == 0 ? Timestamp.from(now.plusSeconds(600)) : null);
                    insert.setTimestamp(11, active ? Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 90)))) : null);
                    insert.setString(12, active ? "10.0." + random.nextInt(256) + "." + random.nextInt(256) : null);
                    insert.setTimestamp(13, Timestamp.from(created));
                    insert.setTimestamp(14, Timestamp.from(created));
                    String searchText = Account.searchTextOf(username, displayName, email);
                    insert.setString(15, searchText);
                    insert.addBatch();
                    for (long key : SearchKeys.of(searchText)) {
                        insertKey.setLong(1, ID_BASE + i);
                        insertKey.setLong(2, key);
                        insertKey.addBatch();
                    }
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                        insertKey.executeBatch(); // after the accounts: the keys' foreign key needs them
                        c.commit();
                    }
                }
                insert.executeBatch();
                insertKey.executeBatch();
                c.commit();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into audit_event (id, occurred_at, type, actor,"
                    + " subject, ip, user_agent, detail) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = auditSeeded; i < auditRows && tables.contains("audit"); i++) {
                    String subject = userNameOf(random.nextInt(accounts));
                    boolean byAdmin = random.nextInt(20) == 0;
                    insert.setLong(1, ID_BASE + i);
                    insert.setTimestamp(2, Timestamp.from(now.minusSeconds(random.nextInt(3600 * 24 * 365))));
                    insert.setString(3, AUDIT_TYPES[random.nextInt(AUDIT_TYPES.length)]);
                    insert.setString(4, byAdmin ? ADMIN : subject);
                    insert.setString(5, subject);
                    insert.setString(6, "10.0." + random.nextInt(256) + "." + random.nextInt(256));
                    insert.setString(7, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
                    insert.setString(8, byAdmin ? "by ADMIN: ticket " + random.nextInt(10_000) : null);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        accountsSeeded = Math.max(accountsSeeded, accounts);
        auditSeeded = tables.contains("audit") ? Math.max(auditSeeded, auditRows) : 0;
        execute("ANALYZE");
        out.printf("Seeded to %,d accounts and %,d audit rows in %.1f s%n", accounts, auditSeeded,
                (System.nanoTime() - start) / 1e9);
    }

    /** Usernames are derived from the row number, so the audit rows can name existing accounts. */
    private final Map<Integer, String> names = new java.util.HashMap<>();

    private String userName(int i, String first, String last) {
        String name = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "." + i;
        names.put(i, name);
        return name;
    }

    private String userNameOf(int i) {
        return names.get(i);
    }

    // ------------------------------------------------------------------ measuring

    private void measureAll() throws Exception {
        String label = String.format("%,d accounts / %,d audit rows", accountsSeeded, auditSeeded);
        out.println();
        out.println("== " + label);
        String someone = userNameOf(accountsSeeded / 2 + 7);
        String searchTerm = someone.substring(0, someone.lastIndexOf('.')) + "." + (accountsSeeded / 2 + 7);

        if (tables.contains("users")) {
            if (!exportOnly) {
                measureUsers(label, searchTerm);
            }
            measure("users", "CSV export of every account (POST)", label, () -> timeExport("users", accountsSeeded));
        }
        if (tables.contains("audit")) {
            if (!exportOnly) {
                measureAudit(label, someone);
            }
            measure("audit", "CSV export of every event (POST)", label, () -> timeExport("audit", auditSeeded));
        }
        out.printf("Payara RSS %,d MB; heap after full GC: %s%n", rssKb() / 1024, heapAfterGc());
        results.add(new String[] {"memory", "Payara RSS / heap used after full GC", label,
                String.format("%,d MB", rssKb() / 1024), heapAfterGc(), ""});
    }

    private void measureUsers(String label, String searchTerm) throws Exception {
        measure("users", "first page (GET)", label, () -> timeGet("/admin/users", "users:table_data", 20));
        String sortKey = sortableColumnId(Jsoup.parse(getBody("/admin/users")), "users:table", 1); // display name
        measure("users", "sort by display name (Ajax)", label, () -> timeAjax(Jsoup.parse(getBody("/admin/users")),
                "users", "users:table", iteration -> Map.of("users:table_sorting", "true",
                        "users:table_skipChildren", "true", "users:table_encodeFeature", "true",
                        "users:table_sortKey", sortKey, "users:table_sortDir", iteration % 2 == 0 ? "1" : "-1"),
                20, null));
        measure("users", "global search \"" + searchTerm + "\" (Ajax)", label, () -> timeAjax(
                Jsoup.parse(getBody("/admin/users")), "users", "users:table",
                iteration -> Map.of("users:table_filtering", "true", "users:table_encodeFeature", "true",
                        "users:table:globalFilter", iteration % 2 == 0 ? searchTerm : searchTerm.toUpperCase(Locale.ROOT)),
                1, searchTerm));
        measure("users", "global search \"rossi\" (Ajax, many hits)", label, () -> timeAjax(
                Jsoup.parse(getBody("/admin/users")), "users", "users:table",
                iteration -> Map.of("users:table_filtering", "true", "users:table_encodeFeature", "true",
                        "users:table:globalFilter", iteration % 2 == 0 ? "rossi" : "Rossi"), 20, "rossi"));
        // Two letters are too few for the search index (SearchKeys.MIN_LENGTH): this one still reads every account.
        measure("users", "global search \"ro\" (Ajax, many hits, too short for the index)", label, () -> timeAjax(
                Jsoup.parse(getBody("/admin/users")), "users", "users:table",
                iteration -> Map.of("users:table_filtering", "true", "users:table_encodeFeature", "true",
                        "users:table:globalFilter", iteration % 2 == 0 ? "ro" : "RO"), 20, "ro"));
        try {
            checkRoleFilter();
        } catch (Exception e) {
            out.println("   check role filter failed: " + e);
        }
    }

    private void measureAudit(String label, String someone) throws Exception {
        measure("audit", "first page (GET)", label, () -> timeGet("/admin/audit", "audit:table_data", 25));
        measure("audit", "sort by time (Ajax)", label, () -> {
            Document auditPage = Jsoup.parse(getBody("/admin/audit"));
            String auditSortKey = sortableColumnId(auditPage, "audit:table", 0);
            return timeAjax(auditPage, "audit", "audit:table",
                    iteration -> Map.of("audit:table_sorting", "true", "audit:table_skipChildren", "true",
                            "audit:table_encodeFeature", "true", "audit:table_sortKey", auditSortKey,
                            "audit:table_sortDir", iteration % 2 == 0 ? "1" : "-1"), 25, null);
        });
        measure("audit", "account filter \"" + someone + "\" (Ajax, as the page sends it)", label, () -> timeAjax(
                Jsoup.parse(getBody("/admin/audit")), "audit", "audit:table",
                iteration -> Map.of("audit:table_filtering", "true", "audit:table_encodeFeature", "true",
                        "audit:account", someone), 1, someone));
        measure("audit", "account filter, input also executed (Ajax)", label, () -> timeAjax(
                Jsoup.parse(getBody("/admin/audit")), "audit", "audit:account audit:table",
                iteration -> Map.of("audit:table_filtering", "true", "audit:table_encodeFeature", "true",
                        "audit:account", someone), 1, someone));
    }

    private interface Params {
        Map<String, String> at(int iteration);
    }

    private long[] timeGet(String path, String tbodyId, int minRows) throws Exception {
        long[] times = new long[repeats];
        for (int i = -warmup; i < repeats; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Cookie", cookie).header("Accept-Language", "it-IT,it;q=0.9").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long elapsed = System.nanoTime() - t0;
            checkSlow(elapsed, path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            Element tbody = Jsoup.parse(response.body()).getElementById(tbodyId);
            int rows = tbody == null ? 0 : tbody.select("tr[data-ri]").size();
            if (rows < minRows) {
                throw new IllegalStateException(path + " showed " + rows + " rows, expected " + minRows);
            }
            if (i >= 0) {
                times[i] = elapsed;
            }
        }
        return times;
    }

    private long[] timeAjax(Document page, String formId, String tableId, Params params, int minRows,
                            String mustContain) throws Exception {
        Element form = page.getElementById(formId);
        Map<String, String> base = new LinkedHashMap<>();
        ((org.jsoup.nodes.FormElement) form).formData().forEach(kv -> base.put(kv.key(), kv.value()));
        WebSession.cspNonceOf(page).ifPresent(nonce -> base.put("primefaces.nonce", nonce)); // as PrimeFaces' script
        String viewState = base.get("jakarta.faces.ViewState");
        URI action = URI.create(baseUrl).resolve(form.attr("action"));
        long[] times = new long[repeats];
        for (int i = -warmup; i < repeats; i++) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("jakarta.faces.partial.ajax", "true");
            String source = tableId.substring(tableId.lastIndexOf(' ') + 1);
            data.put("jakarta.faces.source", source);
            data.put("jakarta.faces.partial.execute", tableId);
            data.put("jakarta.faces.partial.render", source);
            data.put(formId, formId);
            data.putAll(base);
            data.putAll(params.at(i + warmup));
            data.put("jakarta.faces.ViewState", viewState);
            String body = data.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            long t0 = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(action).header("Cookie", cookie)
                    .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                    .header("Accept", "application/xml, text/xml, */*; q=0.01")
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long elapsed = System.nanoTime() - t0;
            checkSlow(elapsed, tableId + " Ajax");
            String xml = response.body();
            if (response.statusCode() != 200 || !xml.contains("<partial-response")) {
                throw new IllegalStateException("Ajax on " + tableId + " answered " + response.statusCode() + ": "
                        + xml.substring(0, Math.min(500, xml.length())));
            }
            int rows = count(xml, "data-ri=\"");
            if (rows < minRows) {
                throw new IllegalStateException("Ajax on " + tableId + " returned " + rows + " rows: "
                        + xml.substring(0, Math.min(1500, xml.length())));
            }
            if (mustContain != null && i == -warmup) {
                checkRowsMatch(xml, mustContain, tableId);
            }
            Matcher m = VIEW_STATE.matcher(xml);
            if (m.find()) {
                viewState = m.group(1);
            }
            if (i >= 0) {
                times[i] = elapsed;
            }
        }
        return times;
    }

    /**
     * The export button of {@code /admin/<formId>} as the browser sends it (a full POST of the form, no filter), the
     * file read to its last line; the time of the POST and the download. Fails on fewer rows than were seeded.
     */
    private long[] timeExport(String formId, int seededRows) throws Exception {
        long[] times = new long[exportRepeats];
        for (int i = -exportWarmup; i < exportRepeats; i++) {
            Document page = Jsoup.parse(getBody("/admin/" + formId));
            Element form = page.getElementById(formId);
            Map<String, String> data = new LinkedHashMap<>();
            ((org.jsoup.nodes.FormElement) form).formData().forEach(kv -> data.put(kv.key(), kv.value()));
            WebSession.cspNonceOf(page).ifPresent(nonce -> data.put("primefaces.nonce", nonce));
            data.put(formId + ":export", "");
            String body = data.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl).resolve(form.attr("action")))
                    .header("Cookie", cookie).header("Accept-Language", "it-IT,it;q=0.9")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofMillis(exportLimitMs)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            long rows;
            try (var lines = response.body()) {
                rows = lines.count() - 1; // the header
            }
            long elapsed = System.nanoTime() - t0;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/csv") || rows < seededRows) {
                throw new IllegalStateException("the " + formId + " export answered " + type + " with " + rows
                        + " rows, expected at least " + seededRows);
            }
            if (i == -exportWarmup) {
                out.printf("   check %s export: %,d rows%n", formId, rows);
            }
            if (i >= 0) {
                times[i] = elapsed;
            }
        }
        return times;
    }

    /** Every returned row must mention the searched text: else the filter was not applied. */
    private void checkRowsMatch(String xml, String text, String tableId) {
        Matcher cdata = Pattern.compile("<!\\[CDATA\\[(.*?)\\]\\]>", Pattern.DOTALL).matcher(xml);
        int rows = 0;
        int matching = 0;
        while (cdata.find()) {
            Document fragment = Jsoup.parseBodyFragment("<table>" + cdata.group(1) + "</table>");
            for (Element row : fragment.select("tr[data-ri]")) {
                rows++;
                if (row.text().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                    matching++;
                }
            }
        }
        String note = matching == rows ? "all " + rows + " rows match \"" + text + "\""
                : "WARNING: only " + matching + " of " + rows + " rows match \"" + text + "\": the filter was NOT applied";
        out.println("   check " + tableId + ": " + note);
        if (matching != rows) {
            results.add(new String[] {"check", tableId + " filter", "", note, "", ""});
        }
    }

    /** Whether the users table's role filter (outside the table) reaches the query when sent as the page sends it. */
    private void checkRoleFilter() throws Exception {
        for (String execute : new String[] {"users:table", "users:roleFilter users:table"}) {
            Document page = Jsoup.parse(getBody("/admin/users"));
            Map<String, String> data = new LinkedHashMap<>();
            ((org.jsoup.nodes.FormElement) page.getElementById("users")).formData()
                    .forEach(kv -> data.put(kv.key(), kv.value()));
            WebSession.cspNonceOf(page).ifPresent(nonce -> data.put("primefaces.nonce", nonce));
            data.putAll(Map.of("jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "users:table",
                    "jakarta.faces.partial.execute", execute, "jakarta.faces.partial.render", "users:table",
                    "users:table_filtering", "true", "users:table_encodeFeature", "true",
                    "users:roleFilter_input", "ADMIN", "users:roleFilter_focus", ""));
            String body = data.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            String xml = send(HttpRequest.newBuilder(URI.create(baseUrl).resolve(page.getElementById("users")
                            .attr("action"))).header("Cookie", cookie).header("Faces-Request", "partial/ajax")
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            Matcher first = Pattern.compile("username=([^\"&]+)\"").matcher(xml);
            out.println("   check role filter ADMIN, execute=\"" + execute + "\": first row "
                    + (first.find() ? first.group(1) : "none") + " (compare with an ADMIN in the database)");
        }
    }

    private String getBody(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", cookie)
                .header("Accept-Language", "it-IT,it;q=0.9").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    /** The client id of the n-th sortable column header, which PrimeFaces sends as the sort key. */
    private static String sortableColumnId(Document page, String tableId, int n) {
        var headers = page.select("[id=" + tableId + "_head] th.ui-sortable-column");
        if (headers.size() <= n) {
            headers = page.select("th.ui-sortable-column");
        }
        return headers.get(n).id();
    }

    private interface Timing {
        long[] run() throws Exception;
    }

    /** Runs one measurement; a failure (or a request slower than the limit) is reported and the run goes on. */
    private void measure(String table, String what, String label, Timing timing) {
        try {
            record(table, what, label, timing.run());
        } catch (Exception e) {
            out.printf("  %-6s %-52s FAILED: %s%n", table, what, e.getMessage());
            results.add(new String[] {table, what, label, "FAILED", "", "NO (" + e.getMessage() + ")"});
        }
    }

    private void checkSlow(long nanos, String what) {
        if (nanos > slowLimitMs * 1_000_000L) {
            throw new IllegalStateException(String.format("one request took %.1f s (limit %d ms): %s", nanos / 1e9,
                    slowLimitMs, what));
        }
    }

    private void record(String table, String what, String label, long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        double median = percentile(sorted, 50);
        double p95 = percentile(sorted, 95);
        out.printf("  %-6s %-52s median %7.1f ms   p95 %7.1f ms   (n=%d)%n", table, what, median, p95, sorted.length);
        results.add(new String[] {table, what, label, String.format("%.1f", median), String.format("%.1f", p95),
                median < 150 ? "yes" : "NO"});
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private void printResults() {
        out.println();
        out.println("| table | operation | data | median ms | p95 ms | median < 150 ms |");
        out.println("|---|---|---|---:|---:|---|");
        for (String[] r : results) {
            out.println("| " + String.join(" | ", r) + " |");
        }
    }

    // ------------------------------------------------------------------ memory and database

    private static long findPayaraPid(int port) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains("--port " + port))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Payara Micro child process")).pid();
    }

    private long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + payaraPid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Heap in use after a full GC, from jcmd (the JDK running this program). */
    private String heapAfterGc() {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            jcmd(jcmd, "GC.run");
            String info = jcmd(jcmd, "GC.heap_info");
            Matcher m = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(info);
            return m.find() ? String.format("%,d MB used of %,d MB", Long.parseLong(m.group(2)) / 1024,
                    Long.parseLong(m.group(1)) / 1024) : "?";
        } catch (Exception e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private String jcmd(String jcmd, String command) throws Exception {
        Process p = new ProcessBuilder(jcmd, Long.toString(payaraPid), command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void printQueryStatistics() throws SQLException {
        out.println();
        out.println("H2 statements during the last round (INFORMATION_SCHEMA.QUERY_STATISTICS), by total time:");
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select execution_count, average_execution_time, max_execution_time,"
                     + " cumulative_execution_time, sql_statement from information_schema.query_statistics"
                     + " order by cumulative_execution_time desc limit 15")) {
            while (rs.next()) {
                out.printf("  n=%3d avg %8.1f ms max %8.1f ms  %s%n", rs.getInt(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getString(5).replaceAll("\\s+", " "));
            }
        }
    }

    /**
     * One retry when the server closed a kept-alive connection just as it was reused (Grizzly ends a connection
     * after a number of requests; the JDK client then reports "EOF reached while reading"). A retried request
     * is timed including the failed attempt (it is printed, so it can be seen).
     */
    private <T> HttpResponse<T> send(HttpRequest original, HttpResponse.BodyHandler<T> handler) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(original, (name, value) -> true)
                .timeout(Duration.ofMillis(slowLimitMs + 5_000L)).build();
        try {
            return http.send(request, handler);
        } catch (java.net.http.HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            out.println("   (retrying after " + e + ")");
            return http.send(request, handler);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
