package org.threshold.runs.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.JsonFields;
import org.threshold.runs.Table;

/**
 * The sweep's index (index.json, and index.csv for a spreadsheet): every grid point with its
 * mixture label, coordinates and run identity. Written by {@code threshold sweep} before any
 * point runs; {@code threshold analyze} reads it to know which runs belong to the sweep.
 *
 * @param name the sweep's name
 * @param gridKeys the keys of {@code sweep.grid}, in order
 * @param points every point, in index order
 */
public record SweepIndex(String name, List<String> gridKeys, List<IndexEntry> points) {

    /** Version of the index format; bumped when a field changes meaning. */
    public static final int SCHEMA = 1;

    public SweepIndex {
        gridKeys = List.copyOf(gridKeys);
        points = List.copyOf(points);
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).index() != i) {
                throw new IllegalArgumentException("index entries must be in index order from 0; entry " + i + " has index "
                        + points.get(i).index());
            }
        }
    }

    /** The points as the executor SPI passes them ({@link IndexEntry#point()}). */
    public List<SweepPoint> sweepPoints() {
        return points.stream().map(IndexEntry::point).toList();
    }

    /** The mixture labels in the order of their first point. */
    public List<String> mixtures() {
        return points.stream().map(IndexEntry::mixture).distinct().toList();
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.addProperty("sweep", name);
        JsonArray keys = new JsonArray();
        gridKeys.forEach(keys::add);
        o.add("grid_keys", keys);
        JsonArray entries = new JsonArray();
        points.forEach(p -> entries.add(p.toJson()));
        o.add("points", entries);
        return o;
    }

    public static SweepIndex fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o);
        int schema = f.integer("schema");
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("index.json has schema " + schema + "; this Threshold reads schema " + SCHEMA
                    + " (run threshold sweep again to rewrite the index)");
        }
        List<IndexEntry> entries = new ArrayList<>();
        for (JsonFields e : f.objects("points")) {
            entries.add(IndexEntry.fromJson(e.json()));
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).index() != i) {
                throw new JsonFields.Problem("its field 'points[" + i + "].index' is " + entries.get(i).index() + ", not " + i);
            }
        }
        return new SweepIndex(f.text("sweep"), f.texts("grid_keys"), entries);
    }

    /** index.csv: index, mixture, identity, parameters, seeds, then one column per grid key. */
    public Table table() {
        List<String> columns = new ArrayList<>(List.of("index", "mixture", "identity", "parameters", "seed", "init_seed"));
        columns.addAll(gridKeys);
        Table.Builder table = Table.withColumns(columns);
        for (IndexEntry p : points) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(p.index()), p.mixture(), p.identity(),
                    Long.toString(p.parameters()), Long.toString(p.seed()), Long.toString(p.initSeed())));
            gridKeys.forEach(k -> row.add(p.coordinate(k).orElse("")));
            table.row(row);
        }
        return table.build();
    }
}
