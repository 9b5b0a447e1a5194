package org.threshold.analysis.plot;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * A chart as {@link Panels} drew it into a picture, with where its plot and data area landed:
 * enough to find the pixel of a data point (the figure tests check colours there).
 */
record DrawnChart(JFreeChart chart, ChartRenderingInfo info) {
}
