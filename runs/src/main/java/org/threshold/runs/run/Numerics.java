package org.threshold.runs.run;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.threshold.runs.JsonFields;

/**
 * A run's numerical environment: what, besides the config and the seed, changes the numbers a CPU
 * run computes. libtorch's intra-op thread count changes how reductions are split (so the
 * rounding of sums), MKL's code path ({@code MKL_CBWR}) and ATen's vector kernels
 * ({@code ATEN_CPU_CAPABILITY}) change which instructions compute them. It is fixed when a run
 * first starts, recorded in provenance.json and result.json ({@code numerics}), and a resumed run
 * uses it again, so that a run's numbers do not depend on where or how it resumed (docs/RUNS.md).
 *
 * @param threads libtorch intra-op threads
 * @param environment each variable of {@link #VARIABLES} as the process had it; absent when unset
 */
public record Numerics(int threads, Map<String, String> environment) {

    /** The environment variables libtorch reads once, when it loads, that change CPU numerics. */
    public static final List<String> VARIABLES = List.of("ATEN_CPU_CAPABILITY", "MKL_CBWR");

    public Numerics {
        if (threads < 1) {
            throw new IllegalArgumentException("a run computes with at least one thread, got " + threads);
        }
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
    }

    /** The numerics of this process with {@code threads} libtorch threads. */
    public static Numerics of(int threads, Map<String, String> processEnvironment) {
        Map<String, String> pinned = new TreeMap<>();
        for (String variable : VARIABLES) {
            Optional.ofNullable(processEnvironment.get(variable)).ifPresent(v -> pinned.put(variable, v));
        }
        return new Numerics(threads, pinned);
    }

    /** "threads 1, ATEN_CPU_CAPABILITY unset, MKL_CBWR unset". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("threads " + threads);
        for (String variable : VARIABLES) {
            parts.add(variable + (environment.containsKey(variable) ? "=" + environment.get(variable) : " unset"));
        }
        return String.join(", ", parts);
    }

    /** What differs from {@code other}, e.g. "threads 1 (now 2)"; empty when nothing does. */
    public List<String> differences(Numerics other) {
        List<String> out = new ArrayList<>();
        if (threads != other.threads) {
            out.add("threads " + threads + " (now " + other.threads + ")");
        }
        for (String variable : VARIABLES) {
            Optional<String> mine = Optional.ofNullable(environment.get(variable));
            Optional<String> theirs = Optional.ofNullable(other.environment.get(variable));
            if (!mine.equals(theirs)) {
                out.add(variable + " " + mine.map(v -> "=" + v).orElse("unset") + " (now " + theirs.map(v -> "=" + v).orElse("unset")
                        + ")");
            }
        }
        return out;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("threads", threads);
        JsonObject env = new JsonObject();
        environment.forEach(env::addProperty);
        o.add("environment", env);
        return o;
    }

    public static Numerics fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o);
        Map<String, String> env = new TreeMap<>();
        Optional<JsonFields> e = f.optionalObject("environment");
        if (e.isPresent()) {
            for (String variable : e.get().keys()) {
                env.put(variable, e.get().text(variable));
            }
        }
        int threads = f.integer("threads");
        if (threads < 1) {
            throw new JsonFields.Problem("its field 'numerics.threads' is " + threads + ", not a thread count");
        }
        return new Numerics(threads, env);
    }
}
