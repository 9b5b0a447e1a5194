package org.threshold.analysis.plot;

/**
 * Pictures are drawn off screen: on a machine without a display, AWT must be told before it starts,
 * or the first chart fails. A caller that set the property itself keeps its choice.
 */
final class Headless {

    private Headless() {
    }

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
