package org.threshold.trainer.curriculum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.curriculum.Stage;

/**
 * Stages, each holding any curriculum and lasting until its condition holds (SPEC section 6,
 * "staged"; the paper's section 3.1 trains MAX+MED until proficient, then hands over to ADD).
 *
 * <p>Conditions are checked when the curriculum sees an evaluation; a stage whose condition holds
 * ends there, and the next one trains from the following step. One stage ends per evaluation, so
 * every stage trains at least until the next evaluation. The curriculum of a stage counts steps
 * from the start of its stage: a stage entered after step 3,000 asks its curriculum for the
 * weights of step 1 at the run's step 3,001, and shows it evaluations with steps counted the same
 * way. A linear hand-over in a later stage therefore begins when that stage does, whenever the
 * condition before it fires.
 *
 * <p>State: the current stage, the step at which it was entered, and each stage's curriculum's own
 * state; a run resumed mid-stage continues exactly.
 */
public final class StagedCurriculum implements Curriculum {

    private static final String STAGE = "stage";
    private static final String ENTERED = "entered";

    private final List<CurriculumStage> stages;
    private int current;
    private long entered;

    /** @param stages in order; every stage but the last has a condition, the last has none */
    public StagedCurriculum(List<CurriculumStage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a staged curriculum needs at least one stage");
        }
        for (int i = 0; i < stages.size(); i++) {
            boolean last = i == stages.size() - 1;
            if (last && stages.get(i).until().isPresent()) {
                throw new IllegalArgumentException("the last stage (" + i + ") lasts to the end of the run and has no condition");
            }
            if (!last && stages.get(i).until().isEmpty()) {
                throw new IllegalArgumentException("stage " + i + " is not the last, so it needs a condition (until)");
            }
            if (i > 0 && stages.get(i).curriculum().startFrom().isPresent()) {
                throw new IllegalArgumentException("stage " + i + " starts from another run's weights; a warm start"
                        + " applies where training begins, in the first stage");
            }
        }
        this.stages = List.copyOf(stages);
    }

    @Override
    public Map<String, Double> weights(long step) {
        return stages.get(current).curriculum().weights(step - entered);
    }

    @Override
    public void observe(Evaluation evaluation) {
        CurriculumStage stage = stages.get(current);
        stage.curriculum().observe(new Evaluation(evaluation.step() - entered, evaluation.metrics()));
        if (stage.until().isPresent() && stage.until().get().holds(evaluation)) {
            current++;
            entered = evaluation.step();
        }
    }

    @Override
    public Stage stage() {
        CurriculumStage stage = stages.get(current);
        Stage inner = stage.curriculum().stage();
        boolean last = current == stages.size() - 1 && inner.last();
        return new Stage(current, stage.name().orElse(inner.name()), last);
    }

    /** The first stage's warm start: where training begins. */
    @Override
    public Optional<Path> startFrom() {
        return stages.get(0).curriculum().startFrom();
    }

    /** The step after which the current stage began (0 for the first stage). */
    public long entered() {
        return entered;
    }

    @Override
    public Map<String, String> state() {
        Map<String, String> state = new TreeMap<>();
        state.put(STAGE, Integer.toString(current));
        state.put(ENTERED, Long.toString(entered));
        for (int i = 0; i < stages.size(); i++) {
            String prefix = i + ".";
            stages.get(i).curriculum().state().forEach((k, v) -> state.put(prefix + k, v));
        }
        return state;
    }

    @Override
    public void restore(Map<String, String> state) {
        String stage = state.get(STAGE);
        String since = state.get(ENTERED);
        if (stage == null || since == null) {
            throw new IllegalArgumentException("the checkpoint's curriculum state " + state.keySet()
                    + " is not a staged curriculum's (it has no " + STAGE + " and " + ENTERED + ")");
        }
        int index = Integer.parseInt(stage);
        if (index < 0 || index >= stages.size()) {
            throw new IllegalArgumentException("the checkpoint is in stage " + index + ", but this staged curriculum has "
                    + stages.size() + " stages; it belongs to another curriculum");
        }
        List<Map<String, String>> nested = new ArrayList<>();
        stages.forEach(s -> nested.add(new HashMap<>()));
        state.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot > 0) {
                int i = Integer.parseInt(k.substring(0, dot));
                if (i < 0 || i >= stages.size()) {
                    throw new IllegalArgumentException("the checkpoint's curriculum state has the key " + k
                            + " of a stage this curriculum does not have");
                }
                nested.get(i).put(k.substring(dot + 1), v);
            }
        });
        current = index;
        entered = Long.parseLong(since);
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).curriculum().restore(nested.get(i));
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("staged");
        for (int i = 0; i < stages.size(); i++) {
            CurriculumStage s = stages.get(i);
            b.append(i == 0 ? ": " : "; then ").append(s.curriculum());
            s.until().ifPresent(u -> b.append(" until ").append(u));
        }
        return b.toString();
    }
}
