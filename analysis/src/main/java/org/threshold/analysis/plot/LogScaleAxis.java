package org.threshold.analysis.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.threshold.analysis.transition.ParameterCount;

/**
 * A log axis labelled at 1, 2 and 5 times each power of ten, with unlabelled minor ticks between:
 * JFreeChart's own log axis labels powers of ten only, which leaves a sweep over one decade
 * (4k–50k parameters) with a single label.
 */
final class LogScaleAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    private final transient DoubleFunction<String> labels;

    /** @param labels writes a tick value ("20k", "0.05") */
    LogScaleAxis(String label, DoubleFunction<String> labels) {
        super(label);
        this.labels = labels;
        setBase(10);
        setLabelFont(Palette.LABEL);
        setTickLabelFont(Palette.TICK);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings("rawtypes") // LogAxis declares the raw type
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        return RectangleEdge.isTopOrBottom(edge) ? ticks(true) : ticks(false);
    }

    private List<NumberTick> ticks(boolean horizontal) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        int firstExponent = (int) Math.floor(Math.log10(lower));
        int lastExponent = (int) Math.ceil(Math.log10(upper));
        // Over many decades, 2 and 5 would crowd the labels: keep only the powers of ten.
        boolean oneTwoFive = lastExponent - firstExponent <= 3;
        TextAnchor anchor = horizontal ? TextAnchor.TOP_CENTER : TextAnchor.CENTER_RIGHT;
        List<NumberTick> ticks = new ArrayList<>();
        for (int e = firstExponent; e <= lastExponent; e++) {
            double power = Math.pow(10, e);
            for (int m = 1; m <= 9; m++) {
                double value = m * power;
                if (value < lower * (1 - 1e-9) || value > upper * (1 + 1e-9)) {
                    continue;
                }
                boolean major = m == 1 || (oneTwoFive && (m == 2 || m == 5));
                ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, value, major ? labels.apply(value) : "",
                        anchor, TextAnchor.CENTER, 0.0));
            }
        }
        return ticks;
    }

    /** "2k", "50k", "1.2M": parameter counts without a needless ".0". */
    static String parameterLabel(double value) {
        return ParameterCount.format(value).replace(".0k", "k").replace(".0M", "M");
    }

    /** "0.05", "2", "100": short numbers for a loss axis. */
    static String numberLabel(double value) {
        if (value >= 1) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new BigDecimal(value).round(new MathContext(1)).stripTrailingZeros().toPlainString();
    }
}
