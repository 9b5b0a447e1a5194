package org.threshold.analysis.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.threshold.analysis.transition.BootstrapInterval;
import org.threshold.analysis.transition.LearnedTransition;
import org.threshold.analysis.transition.SizeTally;
import org.threshold.analysis.transition.TransitionEstimate;
import org.threshold.analysis.transition.TransitionPoint;
import org.threshold.analysis.transition.TransitionRatio;
import org.threshold.analysis.transition.TransitionSettings;
import org.threshold.runs.Json;

/**
 * analysis/transition.json: the numbers of {@code threshold analyze}, by stable names
 * (docs/SWEEPS.md). An estimate is {@code {"kind": "value", "parameters": …}}, a bound
 * {@code {"kind": "bound", "side": "below"|"above", "parameters": …, "reason": …}} or no answer
 * {@code {"kind": "none", "reason": …}}: a bound is never written as a value.
 */
public final class TransitionJson {

    /** Version of the format; bumped when a field changes meaning. */
    public static final int SCHEMA = 1;

    private TransitionJson() {
    }

    public static JsonObject of(String sweep, String metric, TransitionSettings settings, List<MixtureTransition> mixtures,
                                List<TransitionRatio> ratios, JsonObject runCounts) {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.addProperty("sweep", sweep);
        o.addProperty("metric", metric);
        o.addProperty("threshold", settings.threshold());
        o.addProperty("confidence", settings.confidence());
        o.addProperty("resamples", settings.resamples());
        o.addProperty("bootstrap_seed", settings.bootstrapSeed());
        o.addProperty("min_runs_per_side", settings.minRunsPerSide());
        o.add("runs", runCounts);
        JsonArray list = new JsonArray();
        mixtures.forEach(m -> list.add(mixture(m)));
        o.add("mixtures", list);
        JsonArray ratioList = new JsonArray();
        ratios.forEach(r -> ratioList.add(ratio(r)));
        o.add("ratios", ratioList);
        return o;
    }

    static JsonObject mixture(MixtureTransition m) {
        JsonObject o = new JsonObject();
        o.addProperty("mixture", m.mixture());
        o.addProperty("text", m.describe());
        JsonArray notes = new JsonArray();
        m.notes().forEach(notes::add);
        if (m.point().isEmpty()) {
            JsonObject none = new JsonObject();
            none.addProperty("kind", "none");
            none.addProperty("reason", "no finished run to fit");
            o.add("estimate", none);
            o.add("notes", notes);
            return o;
        }
        TransitionPoint p = m.point().get();
        o.addProperty("runs", p.runs().size());
        o.addProperty("runs_above", p.runsAbove());
        o.add("estimate", estimate(p.estimate()));
        p.interval().ifPresent(ci -> o.add("interval", interval(ci, p.threshold())));
        o.addProperty("step_like", p.stepLike());
        p.notes().forEach(notes::add);
        o.add("notes", notes);
        JsonArray tallies = new JsonArray();
        for (SizeTally t : p.tallies()) {
            JsonObject size = new JsonObject();
            size.addProperty("parameters", t.parameters());
            size.addProperty("runs", t.runs());
            size.addProperty("above", t.above());
            size.addProperty("mean_accuracy", t.meanAccuracy());
            tallies.add(size);
        }
        o.add("sizes", tallies);
        p.fit().ifPresent(f -> {
            JsonObject fit = new JsonObject();
            fit.addProperty("lo", f.curve().lo());
            fit.addProperty("hi", f.curve().hi());
            fit.addProperty("k", f.curve().k());
            fit.addProperty("x0", f.curve().x0());
            fit.addProperty("rms_residual", f.rmsResidual());
            o.add("fit", fit);
        });
        o.add("figures", Json.numbers(p.figures()));
        m.learned().ifPresent(l -> o.add("learned_fit", learned(l)));
        m.disagreement().ifPresent(d -> o.addProperty("estimators_disagree", d));
        return o;
    }

    /** The second estimator: Firth-penalized logistic regression of learned-or-not. */
    static JsonObject learned(LearnedTransition l) {
        JsonObject o = new JsonObject();
        o.addProperty("method", "firth-logistic-ml");
        o.addProperty("text", l.describe());
        o.addProperty("runs", l.runs());
        o.addProperty("runs_learned", l.learned());
        o.add("estimate", estimate(l.estimate()));
        l.interval().ifPresent(ci -> o.add("interval", interval(ci, l.threshold())));
        l.separation().ifPresent(s -> {
            JsonObject bracket = new JsonObject();
            bracket.addProperty("last_unlearned", s.lastUnlearned());
            bracket.addProperty("first_learned", s.firstLearned());
            o.add("separated", bracket);
        });
        l.fit().ifPresent(f -> {
            JsonObject fit = new JsonObject();
            fit.addProperty("b0", f.b0());
            fit.addProperty("b1", f.b1());
            o.add("fit", fit);
        });
        return o;
    }

    static JsonObject estimate(TransitionEstimate estimate) {
        JsonObject o = new JsonObject();
        if (estimate instanceof TransitionEstimate.Located v) {
            o.addProperty("kind", "value");
            o.addProperty("parameters", v.parameters());
        } else if (estimate instanceof TransitionEstimate.Bounded b) {
            o.addProperty("kind", "bound");
            o.addProperty("side", b.side().word());
            o.addProperty("parameters", b.parameters());
            o.addProperty("reason", b.reason());
        } else {
            o.addProperty("kind", "none");
            o.addProperty("reason", ((TransitionEstimate.Undetermined) estimate).reason());
        }
        o.addProperty("text", estimate.describe());
        return o;
    }

    static JsonObject interval(BootstrapInterval ci, double threshold) {
        JsonObject o = new JsonObject();
        o.addProperty("confidence", ci.confidence());
        o.add("lower", estimate(ci.lower()));
        o.add("upper", estimate(ci.upper()));
        o.addProperty("resamples", ci.resamples());
        o.addProperty("located", ci.located());
        o.addProperty("below_range", ci.belowRange());
        o.addProperty("above_range", ci.aboveRange());
        o.addProperty("failed", ci.failed());
        o.addProperty("text", ci.describe() + "; " + ci.crossingSummary(threshold));
        return o;
    }

    static JsonObject ratio(TransitionRatio ratio) {
        JsonObject o = new JsonObject();
        o.addProperty("numerator", ratio.numerator());
        o.addProperty("denominator", ratio.denominator());
        if (ratio instanceof TransitionRatio.Value v) {
            o.addProperty("kind", "value");
            o.addProperty("ratio", v.ratio());
            v.interval().ifPresent(ci -> {
                JsonObject i = new JsonObject();
                i.addProperty("confidence", ci.confidence());
                i.addProperty("lower", ci.lower());
                i.addProperty("upper", ci.upper());
                i.addProperty("resamples", ci.resamples());
                o.add("interval", i);
            });
        } else if (ratio instanceof TransitionRatio.Bound b) {
            o.addProperty("kind", "bound");
            o.addProperty("side", b.side().word());
            o.addProperty("ratio", b.ratio());
            o.addProperty("reason", b.reason());
        } else {
            o.addProperty("kind", "unknown");
            o.addProperty("reason", ((TransitionRatio.Unknown) ratio).reason());
        }
        o.addProperty("text", ratio.describe());
        return o;
    }

    /** Pretty JSON text with a final newline. */
    public static String text(JsonElement json) {
        return Json.PRETTY.toJson(json) + "\n";
    }
}
