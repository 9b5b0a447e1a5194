package org.threshold.analysis.probe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.TrainedRun;

/**
 * A probe's {@code groups:} key, a list of {@link RunFilter}s; absent, one group per mixture label
 * of the runs given (a single run is then one group).
 */
final class GroupList {

    private GroupList() {
    }

    static List<RunFilter> bind(ConfigSection s, int defaultFallback) {
        List<RunFilter> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigSection group : s.sections("groups")) {
            RunFilter filter = RunFilter.bind(group, defaultFallback);
            if (!names.add(filter.name())) {
                group.problem("name", "two groups are named '" + filter.name() + "'; give each group its own name");
            }
            groups.add(filter);
        }
        return groups;
    }

    /** The groups given, or one per mixture of {@code runs} in the order the runs come. */
    static List<RunGroup> select(List<RunFilter> given, List<TrainedRun> runs) {
        List<RunFilter> filters = given;
        if (filters.isEmpty()) {
            Set<String> mixtures = new LinkedHashSet<>();
            runs.forEach(r -> mixtures.add(r.labels().getOrDefault("mixture", "all runs")));
            filters = mixtures.stream().map(m -> m.equals("all runs") && runs.stream().noneMatch(r -> r.labels().containsKey("mixture"))
                    ? RunFilter.all(m) : RunFilter.mixture(m)).toList();
        }
        return filters.stream().map(f -> f.select(runs)).toList();
    }
}
