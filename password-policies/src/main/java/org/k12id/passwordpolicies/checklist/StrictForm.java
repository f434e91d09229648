package org.k12id.passwordpolicies.checklist;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body read strictly: UTF-8 only, every percent escape complete and
 * well-formed, each field at most once. Anything else (another media type, a broken escape, invalid UTF-8, a repeated
 * field, a body over the limit) is no form at all, so the caller answers 400 instead of failing inside the framework.
 */
final class StrictForm {

    private StrictForm() {
    }

    static Optional<Map<String, String>> parse(String contentType, byte[] body, int maxBytes) {
        if (!isUtf8Form(contentType)) {
            return Optional.empty();
        }
        if (body == null || body.length > maxBytes) {
            return Optional.empty();
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return Optional.of(fields);
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals));
            Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name.isEmpty() || value.isEmpty() || fields.putIfAbsent(name.get(), value.get()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(fields);
    }

    /**
     * Whether a Content-Type header names a form in UTF-8 (or no charset). Read by hand, so that a malformed header
     * (which the framework's parser refuses with an exception) is simply not a form.
     */
    static boolean isUtf8Form(String contentType) {
        if (contentType == null || contentType.length() > 200) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                return false;
            }
            String name = parameter.substring(0, equals).strip();
            String value = parameter.substring(equals + 1).strip().replace("\"", "");
            if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** One percent-encoded part (already read byte for byte as Latin-1), or empty when it is not well-formed. */
    static Optional<String> decode(String part) {
        ByteBuffer bytes = ByteBuffer.allocate(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= part.length()) {
                    return Optional.empty();
                }
                int high = hex(part.charAt(i + 1));
                int low = hex(part.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
