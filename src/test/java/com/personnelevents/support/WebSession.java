package com.personnelevents.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's side of the pages, over plain HTTP: it keeps the cookies the server sets (the session
 * cookie is {@code Secure}, which the JDK's cookie handling would not send to http://localhost, so they
 * are kept here), reads the CSRF token of the last page it fetched, and follows no redirect by itself.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();
    private String csrf;

    /** Signs in at {@code base} with a local account; the answer to the form's POST. */
    public static Page signIn(String base, String email, String password) {
        WebSession session = new WebSession();
        return session.signInAs(base, email, password);
    }

    public Page signInAs(String base, String email, String password) {
        get(base + "/login");
        return postForm(base + "/login", Map.of("email", email, "password", password));
    }

    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    public Page postForm(String url, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        return postRaw(url, all);
    }

    /** Posts a form exactly as given (no CSRF token added). */
    public Page postRaw(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The value of a cookie the server set, by name (any host of this session). */
    public String cookie(String name) {
        return cookies.values().stream()
                .map(c -> c.get(name))
                .filter(v -> v != null)
                .findFirst()
                .orElse(null);
    }

    /** Sends the session's cookies of {@code from}'s host to another address too (another instance). */
    public void shareCookies(String from, String to) {
        cookies.put(host(to), new LinkedHashMap<>(cookies.getOrDefault(host(from), Map.of())));
    }

    private Page send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        String host = host(built.uri().toString());
        Map<String, String> jar = cookies.computeIfAbsent(host, h -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            request.header(
                    "Cookie",
                    jar.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            for (String set : setCookies) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    jar.remove(pair.substring(0, eq));
                } else {
                    jar.put(pair.substring(0, eq), value);
                }
            }
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response.headers().map(), response.body(), setCookies);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String host(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What the server answered a page request. */
    public record Page(int status, Map<String, List<String>> headers, String body, List<String> setCookies) {

        public String location() {
            List<String> location = headers.get("location");
            return location == null || location.isEmpty() ? null : location.get(0);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
