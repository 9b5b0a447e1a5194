package org.threshold.analysis.plot;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
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
        return render(width, height, new ArrayList<>());
    }

    /** As {@link #render(int, int)}, adding each heat map as drawn to {@code drawn}, layer by layer. */
    BufferedImage render(int width, int height, List<DrawnChart> drawn) {
        return Panels.grid(title, cells.stream().map(row -> row.stream().map(AttentionHeatMap::chart).toList()).toList(),
                width, height, drawn);
    }
}
