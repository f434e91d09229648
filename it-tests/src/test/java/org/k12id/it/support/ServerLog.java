package org.k12id.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The log file of the server under test ({@link K12ServerConfig} writes it beside the console output). */
public final class ServerLog {

    /** In this module's {@code target/}, so that each checkout's tests read their own server's log. */
    public static final Path FILE = Path.of("target", "k12-server.log").toAbsolutePath();

    private ServerLog() {
    }

    /** Everything the server has logged so far (empty when nothing was written yet). */
    public static String text() throws IOException {
        return Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.ISO_8859_1) : "";
    }
}
