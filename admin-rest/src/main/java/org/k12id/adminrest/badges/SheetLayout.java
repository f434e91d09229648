package org.k12id.adminrest.badges;

import java.util.Optional;

/** How badges are arranged on a printed sheet. */
public enum SheetLayout {

    /** 2 x 2 inch square labels (Avery 22806-style): 3 x 4 on Letter, 3 x 5 on A4; the QR code above the text. */
    LABELS,

    /** A plain grid of 3.5 x 2 inch cards with thin cut lines, 2 x 5 on both papers; the QR code left of the text. */
    CARDS;

    /** {@code "labels"} or {@code "cards"}, in any case; empty for anything else (null included). */
    public static Optional<SheetLayout> parse(String text) {
        return BadgeSheet.option(SheetLayout.class, text);
    }
}
