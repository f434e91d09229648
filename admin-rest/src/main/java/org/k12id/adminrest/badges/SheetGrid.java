package org.k12id.adminrest.badges;

/**
 * Where the badges of one layout sit on one paper, in PDF points (1/72 inch): a grid of equal cells with fixed gaps,
 * centred on the page. Cells are numbered in reading order, left to right, then top to bottom.
 */
record SheetGrid(float pageWidth, float pageHeight, float cellWidth, float cellHeight, int columns, int rows,
                 float columnGap, float rowGap) {

    static final float INCH = 72f;

    static SheetGrid of(SheetLayout layout, Paper paper) {
        return switch (layout) {
            // Avery 22806-style: 2-inch squares; on A4 a fifth row fits with narrower gaps
            case LABELS -> paper == Paper.LETTER
                    ? new SheetGrid(paper.width, paper.height, 2 * INCH, 2 * INCH, 3, 4, 0.625f * INCH, 0.5f * INCH)
                    : new SheetGrid(paper.width, paper.height, 2 * INCH, 2 * INCH, 3, 5, 0.375f * INCH, 0.2f * INCH);
            // business-card size, edge to edge so one cut serves two cards
            case CARDS -> new SheetGrid(paper.width, paper.height, 3.5f * INCH, 2 * INCH, 2, 5, 0, 0);
        };
    }

    int perPage() {
        return columns * rows;
    }

    /** The left edge of a cell. */
    float cellX(int cell) {
        float gridWidth = columns * cellWidth + (columns - 1) * columnGap;
        return (pageWidth - gridWidth) / 2 + (cell % columns) * (cellWidth + columnGap);
    }

    /** The top edge of a cell, in PDF coordinates (from the bottom of the page). */
    float cellTop(int cell) {
        float gridHeight = rows * cellHeight + (rows - 1) * rowGap;
        return pageHeight - (pageHeight - gridHeight) / 2 - (cell / columns) * (cellHeight + rowGap);
    }
}
