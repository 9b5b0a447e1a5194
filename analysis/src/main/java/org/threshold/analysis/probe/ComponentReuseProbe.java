package org.threshold.analysis.probe;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.threshold.analysis.plot.ComponentReuseFigure;
import org.threshold.api.model.HookPoint;
import org.threshold.api.model.Model;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeInput;
import org.threshold.api.probe.ProbeReport;
import org.threshold.api.probe.TrainedRun;
import org.threshold.api.task.SumPrompts;
import org.threshold.runs.CsvFile;
import org.threshold.runs.Table;

/**
 * Component reuse (SPEC section 8, {@link ComponentReuse}) of every chosen run: one picture per run
 * ({@code component-reuse-<run>.png}), the figures in {@code component-reuse.json}, and every
 * pair's numbers in {@code component-reuse.csv}. A run whose
 * task asks no sum both directly and through variables (any task but assign-add) is refused.
 */
final class ComponentReuseProbe implements Probe {

    static final String NAME = "component-reuse";

    private final ComponentReuseConfig config;

    ComponentReuseProbe(ComponentReuseConfig config) {
        this.config = config;
    }

    @Override
    public ProbeReport run(ProbeInput input) throws IOException {
        RunGroup group = config.group().select(input.runs());
        List<String> notes = new ArrayList<>(group.notes());
        if (group.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": group: no run to probe: " + String.join("; ", notes));
        }
        Map<TrainedRun, SumPrompts> prompts = new LinkedHashMap<>();
        for (TrainedRun run : group.runs()) {
            prompts.put(run, sumPrompts(run));
        }
        Path out = input.outputDirectory();
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        JsonObject runsJson = new JsonObject();
        Table.Builder csv = Table.withColumns("run", "layer", "x", "y", "donor_x", "donor_y", "sum", "donor_sum", "cosine_same",
                "cosine_control", "patched_answer");
        Map<List<Integer>, List<String>> withoutMlp = new LinkedHashMap<>(); // one note for the runs that share it
        for (Map.Entry<TrainedRun, SumPrompts> e : prompts.entrySet()) {
            TrainedRun run = e.getKey();
            SumPrompts sums = e.getValue();
            SumPairs pairs = SumPairs.draw(sums.modulus(), config.pairs(), config.seed());
            ComponentReuse reuse;
            try (NDManager manager = NDManager.newBaseManager()) {
                Model model = run.model(manager);
                reuse = ComponentReuse.measure(sums, new HookedReuseReading(ModelReading.hooks(model, run), manager), pairs);
            }
            runsJson.add(run.id(), json(run, sums, pairs, reuse));
            for (ComponentReuse.Layer l : reuse.layers()) {
                for (int i = 0; i < pairs.size(); i++) {
                    int[] p = pairs.pairs().get(i);
                    int[] q = pairs.donors().get(i);
                    int n = sums.modulus();
                    csv.row(run.id(), l.layer(), p[0], p[1], q[0], q[1], (p[0] + p[1]) % n, (q[0] + q[1]) % n, l.same()[i],
                            l.control()[i], run.task().vocabulary().token(l.patched()[i]));
                }
            }
            String id = run.id();
            figures.put(id + ".routed_accuracy", reuse.routedAccuracy());
            figures.put(id + ".direct_accuracy", reuse.directAccuracy());
            for (ComponentReuse.Layer l : reuse.layers()) {
                String key = id + ".layer" + l.layer() + ".";
                figures.put(key + "cosine_same", l.sameSpread().mean());
                figures.put(key + "cosine_control", l.controlSpread().mean());
                figures.put(key + "patch_donor", l.donor());
                figures.put(key + "patch_original", l.original());
                figures.put(key + "patch_neither", l.neither());
            }
            figures.put(id + ".chance", reuse.chance());
            if (!reuse.withoutMlp().isEmpty()) {
                withoutMlp.computeIfAbsent(reuse.withoutMlp(), k -> new ArrayList<>()).add(id);
            }
            if (reuse.layers().isEmpty()) {
                notes.add("run " + id + ": no layer has an MLP, so there is nothing to compare or patch and no picture");
                continue;
            }
            Path png = out.resolve(NAME + "-" + FileNames.safe(id) + ".png");
            List<ComponentReuseFigure.Layer> bars = new ArrayList<>();
            for (ComponentReuse.Layer l : reuse.layers()) {
                Spread same = l.sameSpread();
                Spread control = l.controlSpread();
                bars.add(new ComponentReuseFigure.Layer("layer " + l.layer(), same.mean(), same.sd(), control.mean(),
                        control.sd(), l.donor(), l.original(), l.neither()));
            }
            new ComponentReuseFigure("Component reuse, run " + id + " (" + pairs.size() + " sums mod " + sums.modulus()
                    + ", routed accuracy " + String.format(Locale.ROOT, "%.2f", reuse.routedAccuracy()) + ")",
                    reuse.chance(), bars).writePng(png);
            files.add(png);
        }
        for (Map.Entry<List<Integer>, List<String>> e : withoutMlp.entrySet()) {
            List<String> ids = e.getValue();
            String runs = ids.size() == 1 ? "run " + ids.get(0) : ids.size() + " runs (" + String.join(", ", ids) + ")";
            notes.add(runs + ": layers " + e.getKey() + " have no MLP (hook_mlp_out is zero at every prompt) and are not measured");
        }
        JsonObject json = new JsonObject();
        JsonObject sample = new JsonObject();
        sample.addProperty("pairs", config.pairs());
        sample.addProperty("seed", config.seed());
        json.add("config", sample);
        json.add("runs", runsJson);
        json.add("notes", ProbeJson.texts(notes));
        Path csvFile = out.resolve(NAME + ".csv");
        CsvFile.write(csvFile, csv.build());
        files.add(csvFile);
        Path jsonFile = out.resolve(NAME + ".json");
        ProbeJson.write(jsonFile, json);
        files.add(jsonFile);
        return new ProbeReport(NAME, figures, files, notes);
    }

    private static SumPrompts sumPrompts(TrainedRun run) {
        Optional<SumPrompts> sums = run.task().sumPrompts();
        return sums.orElseThrow(() -> new IllegalArgumentException(NAME + ": run " + run.id()
                + " is not an assign-add run: its task (" + run.task().describe() + ") does not ask a sum both directly and"
                + " through variables, so there is no direct and routed prompt to compare; probe runs of task type assign-add"));
    }

    private static JsonObject json(TrainedRun run, SumPrompts sums, SumPairs pairs, ComponentReuse reuse) {
        JsonObject r = new JsonObject();
        r.addProperty("task", run.task().describe());
        r.addProperty("modulus", reuse.modulus());
        r.addProperty("chance", reuse.chance());
        r.addProperty("pairs", reuse.pairs());
        r.addProperty("all_pairs", pairs.size() == sums.modulus() * sums.modulus());
        int[] first = pairs.pairs().get(0);
        int[] donor = pairs.donors().get(0);
        JsonObject example = new JsonObject();
        example.addProperty("direct", run.task().vocabulary().render(sums.direct(first[0], first[1])));
        example.addProperty("routed", run.task().vocabulary().render(sums.routed(first[0], first[1])));
        example.addProperty("donor_direct", run.task().vocabulary().render(sums.direct(donor[0], donor[1])));
        r.add("example", example);
        ProbeJson.put(r, "direct_accuracy", reuse.directAccuracy());
        ProbeJson.put(r, "routed_accuracy", reuse.routedAccuracy());
        JsonArray without = new JsonArray();
        reuse.withoutMlp().forEach(without::add);
        r.add("layers_without_mlp", without);
        JsonArray layers = new JsonArray();
        for (ComponentReuse.Layer l : reuse.layers()) {
            JsonObject o = new JsonObject();
            o.addProperty("layer", l.layer());
            o.addProperty("hook", HookPoint.MLP_OUT.hookName(l.layer()));
            o.add("cosine_same", spread(l.sameSpread()));
            o.add("cosine_control", spread(l.controlSpread()));
            o.addProperty("zero_vectors", l.zeroVectors());
            JsonObject patch = new JsonObject();
            ProbeJson.put(patch, "donor", l.donor());
            ProbeJson.put(patch, "original", l.original());
            ProbeJson.put(patch, "neither", l.neither());
            ProbeJson.put(patch, "chance", reuse.chance());
            o.add("patching", patch);
            layers.add(o);
        }
        r.add("layers", layers);
        return r;
    }

    private static JsonObject spread(Spread s) {
        JsonObject o = new JsonObject();
        o.addProperty("count", s.count());
        ProbeJson.put(o, "mean", s.mean());
        ProbeJson.put(o, "sd", s.sd());
        ProbeJson.put(o, "min", s.min());
        ProbeJson.put(o, "max", s.max());
        return o;
    }
}
