package org.threshold.app.run;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.trainer.TrainingListener;

/**
 * The progress bar of {@code threshold run}: step of planned steps, steps per second and the time
 * left, with the training loss (smoothed over roughly the last 50 steps) and the headline metric of
 * the latest evaluation.
 */
public final class RunProgress implements TrainingListener {

    private static final double SMOOTHING = 0.02;

    private final PrintStream out;
    private final String metric;
    private ProgressBar bar;
    private double smoothedLoss = Double.NaN;
    private String accuracy = "-";

    /**
     * @param out where the bar is drawn (the terminal)
     * @param metric the headline metric shown beside the loss
     */
    public RunProgress(PrintStream out, String metric) {
        this.out = out;
        this.metric = metric;
    }

    @Override
    public void started(RunDirectory directory, long fromStep, long plannedSteps) {
        if (fromStep > 0) {
            out.println("resuming from the checkpoint at step " + fromStep);
        }
        bar = new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(plannedSteps)
                .startsFrom(fromStep, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" steps", 1)
                .showSpeed(new DecimalFormat("0.0"))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    @Override
    public void stepped(long step, double loss) {
        smoothedLoss = Double.isNaN(smoothedLoss) ? loss : smoothedLoss + SMOOTHING * (loss - smoothedLoss);
        bar.stepTo(step);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f  %s %s", smoothedLoss, metric, accuracy));
    }

    @Override
    public void evaluated(EvaluationRecord record) {
        Double value = record.metrics().get(metric);
        if (value != null) {
            accuracy = String.format(Locale.ROOT, "%.3f", value);
        }
    }

    @Override
    public void ended(RunResult result) {
        if (bar != null) {
            bar.maxHint(Math.max(result.steps(), 1));
            bar.stepTo(result.steps());
            bar.close();
        }
    }
}
