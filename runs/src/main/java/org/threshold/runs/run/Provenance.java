package org.threshold.runs.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.runs.JsonFields;

/**
 * provenance.json: what produced a run, so a result can be traced to the code and machine that
 * made it (DESIGN.md, run directories).
 *
 * @param threshold Threshold's version
 * @param java the Java runtime's version and vendor
 * @param djl DJL's version
 * @param engine the deep-learning engine and its version (e.g. PyTorch 2.7.1, the libtorch in use)
 * @param os operating system and architecture
 * @param device the device the run trained on (cpu(), gpu(0))
 * @param threads intra-op threads asked of the engine
 * @param commit the git commit of the code, with "-dirty" for uncommitted changes, when known
 * @param started when the run first started (ISO-8601)
 * @param finished when it ended, once it has
 * @param resumed every later session: when it started and from which step
 * @param numerics the numerical environment fixed when the run first started, which every resumed
 *     session uses again; empty for runs written before it was recorded
 */
public record Provenance(String threshold, String java, String djl, String engine, String os, String device, int threads,
                         Optional<String> commit, String started, Optional<String> finished, List<Resumption> resumed,
                         Optional<Numerics> numerics) {

    public Provenance {
        resumed = List.copyOf(resumed);
    }

    /** A provenance without recorded numerics (a run of an older Threshold, a test). */
    public Provenance(String threshold, String java, String djl, String engine, String os, String device, int threads,
                      Optional<String> commit, String started, Optional<String> finished, List<Resumption> resumed) {
        this(threshold, java, djl, engine, os, device, threads, commit, started, finished, resumed, Optional.empty());
    }

    /** A session that continued the run from a checkpoint. */
    public record Resumption(String time, long step) {
    }

    public Provenance withResumption(Resumption r) {
        List<Resumption> all = new ArrayList<>(resumed);
        all.add(r);
        return new Provenance(threshold, java, djl, engine, os, device, threads, commit, started, finished, all, numerics);
    }

    public Provenance withFinished(String time) {
        return new Provenance(threshold, java, djl, engine, os, device, threads, commit, started, Optional.of(time), resumed,
                numerics);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("threshold", threshold);
        o.addProperty("java", java);
        o.addProperty("djl", djl);
        o.addProperty("engine", engine);
        o.addProperty("os", os);
        o.addProperty("device", device);
        o.addProperty("threads", threads);
        commit.ifPresent(c -> o.addProperty("git_commit", c));
        o.addProperty("started", started);
        finished.ifPresent(f -> o.addProperty("finished", f));
        JsonArray sessions = new JsonArray();
        for (Resumption r : resumed) {
            JsonObject s = new JsonObject();
            s.addProperty("time", r.time());
            s.addProperty("step", r.step());
            sessions.add(s);
        }
        o.add("resumed", sessions);
        numerics.ifPresent(n -> o.add("numerics", n.toJson()));
        return o;
    }

    public static Provenance fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o);
        List<Resumption> resumed = new ArrayList<>();
        for (JsonFields s : f.objects("resumed")) {
            resumed.add(new Resumption(s.text("time"), s.whole("step")));
        }
        return new Provenance(f.text("threshold"), f.text("java"), f.text("djl"), f.text("engine"), f.text("os"), f.text("device"),
                f.integer("threads"), f.optionalText("git_commit"), f.text("started"), f.optionalText("finished"), resumed,
                f.optionalObject("numerics").map(n -> Numerics.fromJson(n.json())));
    }
}
