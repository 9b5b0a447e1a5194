package org.threshold.analysis.plot;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The attention weights of one example as a heat map (appendix F, figure 41): the attending token
 * (query) down the side, the attended-to token (key) along the bottom, both in sequence order, so
 * a causal model's weights fill the lower-left triangle.
 *
 * <pre>{@code
 * new AttentionHeatMap("ALL3, layer 2, head 1", tokens, weights).writePng(dir.resolve("attention.png"));
 * }</pre>
 */
public final class AttentionHeatMap implements Figure {

    private final String title;
    private final List<String> tokens;
    private final double[][] weights;

    /**
     * @param tokens the example's tokens in order
     * @param weights weights[query][key] for one head and layer, each in [0, 1]
     */
    public AttentionHeatMap(String title, List<String> tokens, double[][] weights) {
        int t = tokens.size();
        if (t == 0 || weights.length != t) {
            throw new IllegalArgumentException("attention weights need one row per token: " + t + " tokens, " + weights.length + " rows");
        }
        double[][] copy = new double[t][];
        for (int q = 0; q < t; q++) {
            if (weights[q].length != t) {
                throw new IllegalArgumentException("attention row " + q + " has " + weights[q].length + " weights, expected " + t);
            }
            for (int k = 0; k < t; k++) {
                double w = weights[q][k];
                if (!(w >= 0 && w <= 1)) {
                    throw new IllegalArgumentException("attention weight [" + q + "][" + k + "] = " + w + " is not in [0, 1]");
                }
            }
            copy[q] = weights[q].clone();
        }
        this.title = title;
        this.tokens = List.copyOf(tokens);
        this.weights = copy;
    }

    @Override
    public Dimension preferredSize() {
        int side = Math.max(420, Math.min(1400, 160 + 22 * tokens.size()));
        return new Dimension(side + 90, side);
    }

    @Override
    public BufferedImage render(int width, int height) {
        return Panels.single(chart(), width, height);
    }

    public JFreeChart chart() {
        Headless.ensure();
        // Positions make repeated tokens ("(" twice) distinct rows and columns on the axes.
        return HeatMap.chart(title, weights, tokens, "attended-to token (key)", "attending token (query)",
                ColourScale.blues(0, 1), "attention weight");
    }
}
