package org.k12id.adminrest.portal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The staff portal's files: a fixed allow-list of names in the JAR's {@code k12-portal/} folder, each with its content
 * type and cache rule, and the security headers every answer carries. Any other name (a path, {@code ..}, an encoded
 * slash, a different case) is not a portal file: the server answers 404 without looking further.
 */
public final class PortalFiles {

    /** The JAR folder the files are read from. */
    public static final String FOLDER = "k12-portal/";

    /** The page's own scripts and styles only: no inline code, no other origin, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'";

    /** Sent with every answer of the portal, files and refusals alike. */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Robots-Tag", "none");

    static final String INDEX = "index.html";
    /** The page itself is never stored: it is where a sign-in lands, and it is small. */
    static final String NO_STORE = "no-store";
    /** Scripts, styles and messages may be kept, but are checked (ETag) before each use, so an upgrade shows at once. */
    static final String REVALIDATE = "no-cache";

    /** One servable file: its name, its content type (with charset) and its Cache-Control. */
    public record File(String name, String contentType, String cacheControl) {

        /** Where the file lies on the class path. */
        public String resource() {
            return FOLDER + name;
        }
    }

    /**
     * The page's scripts, served as they are (no build step): the entry {@code k12-portal.js}, which the page loads as
     * an ES module, and the modules it imports by relative names. A new module is served once it is named here.
     */
    private static final List<String> SCRIPTS = List.of(
            "k12-portal.js",
            "k12-portal-api.js",
            "k12-portal-badges.js",
            "k12-portal-confirm.js",
            "k12-portal-dom.js",
            "k12-portal-header.js",
            "k12-portal-messages.js",
            "k12-portal-opt-outs.js",
            "k12-portal-claims.js",
            "k12-portal-place.js",
            "k12-portal-regeneration.js",
            "k12-portal-sign-in.js",
            "k12-portal-state.js",
            "k12-portal-status.js",
            "k12-portal-students.js");

    private static final Map<String, File> FILES = Stream.concat(
                    Stream.of(
                            new File(INDEX, "text/html; charset=utf-8", NO_STORE),
                            new File("k12-portal.css", "text/css; charset=utf-8", REVALIDATE),
                            new File("messages_en.json", "application/json; charset=utf-8", REVALIDATE),
                            new File("messages_es.json", "application/json; charset=utf-8", REVALIDATE)),
                    SCRIPTS.stream().map(name -> new File(name, "text/javascript; charset=utf-8", REVALIDATE)))
            .collect(Collectors.toUnmodifiableMap(File::name, Function.identity()));

    private PortalFiles() {
    }

    /** The file for a request's last path segment; the empty name (the folder itself) is the page. */
    public static Optional<File> find(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(FILES.get(INDEX));
        }
        return Optional.ofNullable(FILES.get(name));
    }

    /** A strong ETag for the file's bytes (a quoted SHA-256 prefix). */
    public static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether an If-None-Match header names this ETag (a list, or {@code *}), so a 304 may answer. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
