package org.k12id.realmconfig.district;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * What a load has finished, kept beside the generated files ({@value #FILE}): one line per file the server accepted,
 * {@code <file> <people added> <skipped>}, written and forced to disk only after the server's answer. A load stopped at
 * any point and run again posts only the files not listed; a file that was in flight is posted again, and the partial
 * import's {@code SKIP} leaves out whoever it already added (one file is one transaction on the server), so nobody is
 * added twice.
 */
public final class LoadJournal {

    static final String FILE = "loaded.txt";

    private final Path path;
    private final Map<String, Long> added = new HashMap<>();

    private LoadJournal(Path path) {
        this.path = path;
    }

    /** Reads the journal of {@code dir}, empty when there is none yet. A line that is not whole (cut by a crash) is ignored. */
    public static LoadJournal open(Path dir) throws IOException {
        LoadJournal journal = new LoadJournal(dir.resolve(FILE));
        if (Files.exists(journal.path)) {
            for (String line : Files.readAllLines(journal.path, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[1].matches("[0-9]{1,9}") && parts[2].matches("[0-9]{1,9}")) {
                    journal.added.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            byte[] bytes = Files.readAllBytes(journal.path);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                // a line cut by a crash: the next record starts on a line of its own
                Files.writeString(journal.path, "\n", StandardOpenOption.APPEND);
            }
        }
        return journal;
    }

    public synchronized boolean done(Path file) {
        return added.containsKey(file.getFileName().toString());
    }

    /** People the journal's finished users files added, over every run. */
    public synchronized long people() {
        return added.entrySet().stream().filter(e -> e.getKey().endsWith("-users.json"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public synchronized int files() {
        return added.size();
    }

    /** Records a file the server accepted; on disk before this returns. */
    public synchronized void record(Path file, long addedNow, long skipped) throws IOException {
        String name = file.getFileName().toString();
        if (name.contains(" ") || name.contains("\n")) {
            throw new IllegalArgumentException("file names in a journal have no spaces: " + name);
        }
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(StandardCharsets.UTF_8.encode(name + " " + addedNow + " " + skipped + "\n"));
            out.force(true);
        }
        added.put(name, addedNow);
    }
}
