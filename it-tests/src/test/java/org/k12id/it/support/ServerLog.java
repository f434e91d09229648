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

    /**
     * Everything the servers of this test JVM logged, oldest first: the files the log was rotated into while this JVM
     * ran (the server rotates its log when it starts again, {@code k12-server.log.1} being the last), then the current
     * one. Files older than this JVM, from an earlier run, are left out.
     */
    public static String sinceThisRunStarted() throws IOException {
        long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder all = new StringBuilder();
        for (int n = 9; n >= 1; n--) {
            Path rotated = FILE.resolveSibling(FILE.getFileName() + "." + n);
            if (Files.exists(rotated) && Files.getLastModifiedTime(rotated).toMillis() >= started) {
                all.append(Files.readString(rotated, StandardCharsets.ISO_8859_1));
            }
        }
        return all.append(text()).toString();
    }

    /** Everything the server has logged so far (empty when nothing was written yet). */
    public static String text() throws IOException {
        return Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.ISO_8859_1) : "";
    }
}
