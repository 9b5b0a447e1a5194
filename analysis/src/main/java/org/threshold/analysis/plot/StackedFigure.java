package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Figures one above the other in one picture, e.g. the embedding PCA of mixed and of pure-SUM
 * models compared row by row (paper figures 11–14). Each row gets a share of the height in
 * proportion to its figure's preferred height.
 */
public final class StackedFigure implements Figure {

    private final List<Figure> rows;

    public StackedFigure(List<Figure> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a stacked figure needs at least one row");
        }
        this.rows = List.copyOf(rows);
    }

    @Override
    public Dimension preferredSize() {
        int width = 0;
        int height = 0;
        for (Figure row : rows) {
            width = Math.max(width, row.preferredSize().width);
            height += row.preferredSize().height;
        }
        return new Dimension(width, height);
    }

    @Override
    public BufferedImage render(int width, int height) {
        Headless.ensure();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double total = rows.stream().mapToInt(r -> r.preferredSize().height).sum();
        int top = 0;
        for (int i = 0; i < rows.size(); i++) {
            int bottom = i == rows.size() - 1 ? height
                    : (int) Math.round(top + height * rows.get(i).preferredSize().height / total);
            if (bottom > top) {
                g.drawImage(rows.get(i).render(width, bottom - top), 0, top, null);
            }
            top = bottom;
        }
        g.dispose();
        return image;
    }
}
