package com.crowdledger.shared.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partner's outbound postback URL: an https URL in which macros stand for a conversion's values, e.g.
 * {@code https://partner.example/pb?cid={click_id}&amount={amount}&s1={sub1}}. It may carry the partner's
 * credentials (in its path or query), so it is stored sealed (a {@code sec_} reference in events and read models,
 * with its {@link #host()} for display); whoever delivers it opens the reference, {@link #parse}s it and
 * {@link #expand}s it. Macros stand in the path and query only: a conversion's values never choose the host. Where
 * the URL may lead (https only, public addresses, no user info) is the SSRF guard's to say, at registration and
 * before every request.
 */
public final class PostbackUrlTemplate {
    /** The macros a template may use; each is replaced by the conversion's value, URL-encoded (empty if none). */
    public static final List<String> MACROS = List.of("click_id", "conversion_id", "payout", "amount", "event",
            "txn_id", "sub1", "sub2", "sub3", "sub4", "sub5", "status");
    public static final int MAX_LENGTH = 2048;
    private static final Pattern MACRO = Pattern.compile("\\{([^{}]*)}");

    private final String template;
    private final String host;

    private PostbackUrlTemplate(String template, String host) {
        this.template = template;
        this.host = host;
    }

    /**
     * @throws IllegalArgumentException with a message fit for the client: not an absolute http(s) URL with a host
     *                                  (whether plain http may be used is the SSRF guard's call), longer than
     *                                  {@value #MAX_LENGTH} characters, an unknown or unclosed macro, or a macro
     *                                  before the path
     */
    public static PostbackUrlTemplate parse(String template) {
        if (template == null || template.isEmpty() || template.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be an https URL of at most " + MAX_LENGTH + " characters");
        }
        if (beforePath(template).contains("{")) {
            throw new IllegalArgumentException("may use macros in its path and query only, not in its host");
        }
        Matcher macros = MACRO.matcher(template);
        StringBuilder sample = new StringBuilder();
        while (macros.find()) {
            if (!MACROS.contains(macros.group(1))) {
                throw new IllegalArgumentException("uses the unknown macro {" + macros.group(1) + "}; known: "
                        + String.join(", ", MACROS.stream().map(m -> "{" + m + "}").toList()));
            }
            macros.appendReplacement(sample, "x");
        }
        macros.appendTail(sample);
        if (sample.indexOf("{") >= 0 || sample.indexOf("}") >= 0) {
            throw new IllegalArgumentException("has a brace that opens or closes no macro");
        }
        URI uri;
        try {
            uri = new URI(sample.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + ")");
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must be an absolute https URL with a host");
        }
        return new PostbackUrlTemplate(template, uri.getHost().toLowerCase(Locale.ROOT));
    }

    /** The scheme and authority: everything before the path, query or fragment. */
    private static String beforePath(String template) {
        int authority = template.indexOf("://");
        int start = authority < 0 ? 0 : authority + 3;
        int end = template.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = template.indexOf(c, start);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return template.substring(0, end);
    }

    /** The template as the partner gave it (with its credentials, if any). */
    public String template() {
        return template;
    }

    /** The host the postbacks go to: what may be shown without revealing credentials. */
    public String host() {
        return host;
    }

    /**
     * The URL for one conversion: each macro replaced by its value, percent-encoded as UTF-8 (a missing value by
     * nothing). A path segment that comes out as {@code .} or {@code ..} (a visitor's sub id, say), encoded or not, is
     * emptied: servers resolve it, and the postback, with the partner's credentials in it, would go to another path
     * of the partner's host.
     */
    public String expand(Map<String, String> values) {
        Matcher macros = MACRO.matcher(template);
        StringBuilder url = new StringBuilder();
        while (macros.find()) {
            String value = values.get(macros.group(1));
            String encoded = value == null ? ""
                    : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            macros.appendReplacement(url, Matcher.quoteReplacement(encoded));
        }
        macros.appendTail(url);
        return withoutDotSegments(url.toString());
    }

    private static String withoutDotSegments(String url) {
        int path = url.indexOf('/', url.indexOf("//") + 2);
        if (path < 0) {
            return url;
        }
        int end = url.indexOf('?', path);
        end = end < 0 ? url.length() : end;
        String[] segments = url.substring(path, end).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String decoded = segments[i].replace("%2E", ".").replace("%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                segments[i] = "";
            }
        }
        return url.substring(0, path) + String.join("/", segments) + url.substring(end);
    }
}
