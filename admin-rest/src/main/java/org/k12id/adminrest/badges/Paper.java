package org.k12id.adminrest.badges;

import java.util.Optional;

/** The paper a sheet is printed on, portrait. */
public enum Paper {

    /** US Letter, 8.5 x 11 inches. */
    LETTER(612f, 792f),

    /** ISO A4, 210 x 297 mm. */
    A4(210 / 25.4f * 72, 297 / 25.4f * 72);

    /** Size in PDF points (1/72 inch). */
    final float width;
    final float height;

    Paper(float width, float height) {
        this.width = width;
        this.height = height;
    }

    /** {@code "letter"} or {@code "a4"}, in any case; empty for anything else (null included). */
    public static Optional<Paper> parse(String text) {
        return BadgeSheet.option(Paper.class, text);
    }
}
