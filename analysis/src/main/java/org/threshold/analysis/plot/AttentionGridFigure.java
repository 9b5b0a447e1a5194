package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The attention weights of one example for every layer and head (appendix F, figure 41): one
 * {@link AttentionHeatMap} per layer (rows) and head (columns), tokens on both axes.
 */
public final class AttentionGridFigure implements Figure {

    private final String title;
    private final List<List<AttentionHeatMap>> cells;

    /**
     * @param tokens the example's tokens in order
     * @param weights weights[layer][head][query][key]
     */
    public AttentionGridFigure(String title, List<String> tokens, double[][][][] weights) {
        if (weights.length == 0 || weights[0].length == 0) {
            throw new IllegalArgumentException("an attention grid needs at least one layer and one head");
        }
        List<List<AttentionHeatMap>> rows = new java.util.ArrayList<>();
        for (int layer = 0; layer < weights.length; layer++) {
            List<AttentionHeatMap> row = new java.util.ArrayList<>();
            for (int head = 0; head < weights[layer].length; head++) {
                row.add(new AttentionHeatMap("layer " + layer + ", head " + head, tokens, weights[layer][head]));
            }
            rows.add(row);
        }
        this.title = title;
        this.cells = List.copyOf(rows);
    }

    private int columns() {
        return cells.stream().mapToInt(List::size).max().orElse(1);
    }

    @Override
    public Dimension preferredSize() {
        Dimension cell = cells.get(0).get(0).preferredSize();
        return new Dimension(cell.width * columns(), cell.height * cells.size() + 36);
    }

    @Override
    public BufferedImage render(int width, int height) {
        Headless.ensure();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(Palette.TITLE);
        int titleWidth = g.getFontMetrics().stringWidth(title);
        g.drawString(title, Math.max(4, (width - titleWidth) / 2), 24);
        double top = 36;
        double cellWidth = (double) width / columns();
        double cellHeight = (height - top) / cells.size();
        for (int row = 0; row < cells.size(); row++) {
            for (int column = 0; column < cells.get(row).size(); column++) {
                cells.get(row).get(column).chart().draw(g, new Rectangle2D.Double(column * cellWidth, top + row * cellHeight,
                        cellWidth, cellHeight));
            }
        }
        g.dispose();
        return image;
    }
}
