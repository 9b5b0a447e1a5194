package org.threshold.runs.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.threshold.runs.JsonFields;

/**
 * A run's numerical environment: what, besides the config and the seed, changes the numbers a CPU
 * run computes. libtorch's intra-op thread count changes how reductions are split (so the
 * rounding of sums), MKL's code path ({@code MKL_CBWR}) and ATen's vector kernels
 * ({@code ATEN_CPU_CAPABILITY}) change which instructions compute them, and so does whether MKL
 * chose its kernels by the processor's instructions or by its vendor ({@link #MKL_DISPATCH}: on
 * AMD processors bin/threshold preloads {@link #MKL_DISPATCH_LIBRARY} for the former). It is fixed when a run
 * first starts, recorded in provenance.json and result.json ({@code numerics}), and a resumed run
 * uses it again, so that a run's numbers do not depend on where or how it resumed (docs/RUNS.md).
 *
 * <p>A run trained in a stack (SPEC section 10) records the stack too: its members' numbers are
 * computed by batched kernels over all of them, so a resume re-forms the same stack.
 *
 * @param threads libtorch intra-op threads
 * @param environment each variable of {@link #VARIABLES} as the process had it; absent when unset
 * @param stack the stack the run trains in; empty for a run trained alone
 */
public record Numerics(int threads, Map<String, String> environment, Optional<Stack> stack) {

    /**
     * K runs trained as one model (SPEC section 10).
     *
     * @param size K
     * @param members the runs' grid indices, ascending
     */
    public record Stack(int size, List<Integer> members) {

        public Stack {
            members = List.copyOf(members);
            if (size < 2 || members.size() != size) {
                throw new IllegalArgumentException("a stack has at least 2 members, one grid index each; got size " + size
                        + " and members " + members);
            }
            for (int i = 1; i < size; i++) {
                if (members.get(i) <= members.get(i - 1)) {
                    throw new IllegalArgumentException("a stack's members are distinct grid indices in ascending order, got "
                            + members);
                }
            }
        }

        /** "3,5,7", as {@code threshold run FILE --index} takes them. */
        public String indices() {
            return String.join(",", members.stream().map(String::valueOf).toList());
        }
    }

    /** A run trained alone. */
    public Numerics(int threads, Map<String, String> environment) {
        this(threads, environment, Optional.empty());
    }

    /**
     * MKL's code path by the processor's instructions, not its vendor: {@code intel} when this
     * process preloaded {@link #MKL_DISPATCH_LIBRARY} (bin/threshold does on AMD processors unless
     * {@code THRESHOLD_MKL_DISPATCH=vendor}), absent otherwise. Recorded from what the process
     * preloaded, not from the variable, which only tells bin/threshold what to do.
     */
    public static final String MKL_DISPATCH = "THRESHOLD_MKL_DISPATCH";

    /** The library that makes MKL choose its kernels by instructions (trainer's MklDispatch writes it). */
    public static final String MKL_DISPATCH_LIBRARY = "libthreshold-mkl-dispatch.so";

    /** What, in the environment libtorch loads in, changes CPU numerics: two variables and MKL's dispatch. */
    public static final List<String> VARIABLES = List.of("ATEN_CPU_CAPABILITY", "MKL_CBWR", MKL_DISPATCH);

    public Numerics {
        if (threads < 1) {
            throw new IllegalArgumentException("a run computes with at least one thread, got " + threads);
        }
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        Objects.requireNonNull(stack, "stack");
    }

    /** These numerics for a run trained in {@code stack} (empty: alone). */
    public Numerics in(Optional<Stack> stack) {
        return new Numerics(threads, environment, stack);
    }

    /** The numerics of this process with {@code threads} libtorch threads. */
    public static Numerics of(int threads, Map<String, String> processEnvironment) {
        Map<String, String> pinned = new TreeMap<>();
        for (String variable : VARIABLES) {
            if (!variable.equals(MKL_DISPATCH)) {
                Optional.ofNullable(processEnvironment.get(variable)).ifPresent(v -> pinned.put(variable, v));
            }
        }
        dispatchLibrary(processEnvironment).ifPresent(library -> pinned.put(MKL_DISPATCH, "intel"));
        return new Numerics(threads, pinned);
    }

    /** The entries of an environment's LD_PRELOAD (separated by colons or spaces, as ld.so reads it). */
    public static List<String> preloads(Map<String, String> environment) {
        return Arrays.stream(environment.getOrDefault("LD_PRELOAD", "").split("[: ]")).filter(e -> !e.isEmpty())
                .toList();
    }

    /** {@link #MKL_DISPATCH_LIBRARY} as an environment's LD_PRELOAD names it, if it does. */
    public static Optional<String> dispatchLibrary(Map<String, String> environment) {
        return preloads(environment).stream().filter(Numerics::namesDispatchLibrary).findFirst();
    }

    /** Whether an LD_PRELOAD entry is {@link #MKL_DISPATCH_LIBRARY}. */
    public static boolean namesDispatchLibrary(String preloadEntry) {
        return preloadEntry.equals(MKL_DISPATCH_LIBRARY) || preloadEntry.endsWith("/" + MKL_DISPATCH_LIBRARY);
    }

    /** "threads 1, ATEN_CPU_CAPABILITY unset, MKL_CBWR unset, THRESHOLD_MKL_DISPATCH unset". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("threads " + threads);
        for (String variable : VARIABLES) {
            parts.add(variable + (environment.containsKey(variable) ? "=" + environment.get(variable) : " unset"));
        }
        stack.ifPresent(s -> parts.add("stack of " + s.size() + " (points " + s.indices() + ")"));
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
                String advice = !variable.equals(MKL_DISPATCH) ? ""
                        : ": resume with " + MKL_DISPATCH + "=" + mine.orElse("vendor") + " (bin/threshold)";
                out.add(variable + " " + mine.map(v -> "=" + v).orElse("unset") + " (now " + theirs.map(v -> "=" + v).orElse("unset")
                        + advice + ")");
            }
        }
        if (!stack.equals(other.stack)) {
            out.add(stack.map(s -> "stack of points " + s.indices()).orElse("trained alone") + " (now "
                    + other.stack.map(s -> "stack of points " + s.indices()).orElse("alone") + ")");
        }
        return out;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("threads", threads);
        JsonObject env = new JsonObject();
        environment.forEach(env::addProperty);
        o.add("environment", env);
        stack.ifPresent(st -> {
            JsonObject so = new JsonObject();
            so.addProperty("size", st.size());
            JsonArray members = new JsonArray();
            st.members().forEach(members::add);
            so.add("members", members);
            o.add("stack", so);
        });
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
        Optional<Stack> stack = Optional.empty();
        Optional<JsonFields> so = f.optionalObject("stack");
        if (so.isPresent()) {
            List<Integer> members = new ArrayList<>();
            for (JsonElement m : so.get().array("members")) {
                members.add(m.getAsInt());
            }
            try {
                stack = Optional.of(new Stack(so.get().integer("size"), members));
            } catch (IllegalArgumentException bad) {
                throw new JsonFields.Problem("its field 'numerics.stack' is not a stack: " + bad.getMessage());
            }
        }
        return new Numerics(threads, env, stack);
    }
}
