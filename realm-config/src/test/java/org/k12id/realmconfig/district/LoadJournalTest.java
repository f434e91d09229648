package org.k12id.realmconfig.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadJournalTest {

    @Test
    @DisplayName("Given files recorded, a journal opened again knows them and counts only the users files' people")
    void survivesReopening(@TempDir Path dir) throws IOException {
        LoadJournal journal = LoadJournal.open(dir);
        assertFalse(journal.done(dir.resolve("0000-groups.json")));
        journal.record(dir.resolve("0000-groups.json"), 1, 0);
        journal.record(dir.resolve("0001-users.json"), 500, 0);
        journal.record(dir.resolve("0002-users.json"), 120, 380);

        LoadJournal again = LoadJournal.open(dir);
        assertTrue(again.done(dir.resolve("0000-groups.json")));
        assertTrue(again.done(dir.resolve("0002-users.json")));
        assertFalse(again.done(dir.resolve("0003-users.json")));
        assertEquals(620, again.people());
        assertEquals(3, again.files());
    }

    @Test
    @DisplayName("Given a last line cut off by a crash, that file counts as not loaded and is posted again")
    void cutLineIsNotLoaded(@TempDir Path dir) throws IOException {
        LoadJournal.open(dir).record(dir.resolve("0001-users.json"), 500, 0);
        Files.writeString(dir.resolve(LoadJournal.FILE), "0002-users.json 5", StandardOpenOption.APPEND);
        LoadJournal journal = LoadJournal.open(dir);
        assertTrue(journal.done(dir.resolve("0001-users.json")));
        assertFalse(journal.done(dir.resolve("0002-users.json")));
        assertEquals(500, journal.people());
        journal.record(dir.resolve("0003-users.json"), 500, 0);
        assertTrue(LoadJournal.open(dir).done(dir.resolve("0003-users.json")), "the next record is whole");
    }
}
