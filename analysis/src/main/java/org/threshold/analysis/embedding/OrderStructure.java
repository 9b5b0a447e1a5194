package org.threshold.analysis.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Order structure of the embedding (SPEC section 7): the Spearman rank correlation of each top
 * component with the element value. |ρ| = 1 means a component lays the elements out in their
 * numeric order, as a number line would.
 *
 * @param rho ρ of PC1, PC2, … with the element value 0..n−1 (ties get average ranks)
 * @param bestComponent the 1-based component with the largest |ρ|
 * @param maxAbsRho that |ρ|
 */
public record OrderStructure(List<Double> rho, int bestComponent, double maxAbsRho) {

    public OrderStructure {
        rho = List.copyOf(rho);
    }

    static OrderStructure measure(EmbeddingPca pca, int top) {
        pca.checkTop(top);
        double[] elementValues = new double[pca.size()];
        for (int k = 0; k < elementValues.length; k++) {
            elementValues[k] = k;
        }
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        List<Double> rho = new ArrayList<>();
        int best = 1;
        double bestAbs = -1;
        for (int pc = 1; pc <= top; pc++) {
            double r = spearman.correlation(pca.component(pc), elementValues);
            // A constant component has no rank order: NaN from the library, 0 here.
            r = Double.isNaN(r) ? 0.0 : r;
            rho.add(r);
            if (Math.abs(r) > bestAbs + 1e-12) {
                bestAbs = Math.abs(r);
                best = pc;
            }
        }
        return new OrderStructure(rho, best, bestAbs);
    }

    /** "order: max |ρ| = 0.98 (PC2)". */
    public String describe() {
        return String.format(Locale.ROOT, "order: max |ρ| = %.2f (PC%d)", maxAbsRho, bestComponent);
    }
}
