package org.threshold.app.run;

import java.io.PrintWriter;
import java.util.Locale;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.RunDirectory;
import org.threshold.trainer.TrainingListener;

/**
 * Progress as plain lines, one per evaluation, for output that is not a terminal (logs, CI),
 * where a progress bar's redrawing would leave one very long line.
 */
public final class RunLog implements TrainingListener {

    private final PrintWriter out;
    private final String metric;
    private long plannedSteps;

    public RunLog(PrintWriter out, String metric) {
        this.out = out;
        this.metric = metric;
    }

    @Override
    public void started(RunDirectory directory, long fromStep, long plannedSteps) {
        this.plannedSteps = plannedSteps;
        if (fromStep > 0) {
            out.println("resuming from the checkpoint at step " + fromStep);
            out.flush();
        }
    }

    @Override
    public void evaluated(EvaluationRecord r) {
        Double value = r.metrics().get(metric);
        out.println(String.format(Locale.ROOT, "step %,d/%,d  loss %.4f  %s %s  %.1f steps/s", r.step(), plannedSteps,
                r.trainLoss(), metric, value == null ? "-" : String.format(Locale.ROOT, "%.4f", value), r.time().stepsPerSecond()));
        out.flush();
    }
}
