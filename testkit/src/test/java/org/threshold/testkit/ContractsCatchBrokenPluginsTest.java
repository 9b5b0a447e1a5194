package org.threshold.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumContext;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.task.TaskProvider;
import org.threshold.testkit.SuccessorTask.Defect;

/**
 * The contracts run against plugins broken on purpose: each defect fails the contract test made
 * for it and no other, and a sound plugin passes them all. (The broken contracts are nested
 * classes, which the build's test run skips; they are run here through the JUnit launcher.)
 */
class ContractsCatchBrokenPluginsTest {

    /** The contract tests that failed, by method name. */
    private static List<String> failures(Class<?> contract) {
        List<String> failed = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            String name = id.getDisplayName().replace("()", "");
                            ran.add(name);
                            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                                failed.add(name);
                            }
                        }
                    }
                });
        assertThat(ran).as("contract tests that ran").isNotEmpty();
        return failed;
    }

    @Test
    void aSoundTaskPassesTheWholeContract() {
        assertThat(failures(SoundTask.class)).isEmpty();
    }

    @Test
    void eachTaskDefectFailsItsContractTest() {
        assertThat(failures(ScorerRejects.class)).containsExactly("scorerGivesFullMarksToEveryExpectedCompletion");
        assertThat(failures(Unseeded.class)).containsExactly("sameConfigAndSeedGiveTheSameData");
        assertThat(failures(OutOfVocabulary.class)).containsExactly("vocabularyCoversEveryExampleAndPromptAndPaddingIsNotData");
        assertThat(failures(TooLong.class)).containsExactly("everyExampleAndPromptFitsTheContext");
        assertThat(failures(NamedHeadline.class)).containsExactly("firstEvalSetIsTheHeadlineAndSetNamesAreUnique");
        assertThat(failures(BadName.class)).containsExactly("nameIsKebabCase");
    }

    @Test
    void curriculumDefectsFailTheirContractTests() {
        assertThat(failures(NegativeLate.class)).containsExactly("weightsAreValidAtEveryStep");
        assertThat(failures(ForgetsItsState.class)).containsExactly("aRestoredStateContinuesExactly");
    }

    abstract static class SuccessorContract extends TaskProviderContract<Integer> {
        private final TaskProvider<Integer> provider;

        SuccessorContract(Defect defect, String name) {
            provider = new SuccessorTask.Provider(defect, name);
        }

        @Override
        protected TaskProvider<Integer> provider() {
            return provider;
        }

        @Override
        protected String config() {
            return "size: 30";
        }
    }

    static class SoundTask extends SuccessorContract {
        SoundTask() {
            super(Defect.NONE, "successor");
        }
    }

    static class ScorerRejects extends SuccessorContract {
        ScorerRejects() {
            super(Defect.SCORER_REJECTS_ITS_OWN_ANSWERS, "successor");
        }
    }

    static class Unseeded extends SuccessorContract {
        Unseeded() {
            super(Defect.DATA_DEPENDS_ON_MORE_THAN_THE_SEED, "successor");
        }
    }

    static class OutOfVocabulary extends SuccessorContract {
        OutOfVocabulary() {
            super(Defect.TOKEN_OUTSIDE_THE_VOCABULARY, "successor");
        }
    }

    static class TooLong extends SuccessorContract {
        TooLong() {
            super(Defect.EXAMPLE_LONGER_THAN_THE_CONTEXT, "successor");
        }
    }

    static class NamedHeadline extends SuccessorContract {
        NamedHeadline() {
            super(Defect.HEADLINE_SET_HAS_A_NAME, "successor");
        }
    }

    static class BadName extends SuccessorContract {
        BadName() {
            super(Defect.NONE, "Successor_Task");
        }
    }

    /**
     * A hand-over curriculum with two bugs to choose from: a weight that turns negative late in
     * the run, or a state that restore() ignores.
     */
    static final class HandOver implements CurriculumProvider<Long> {
        private final boolean negativeLate;
        private final boolean forgetsState;

        HandOver(boolean negativeLate, boolean forgetsState) {
            this.negativeLate = negativeLate;
            this.forgetsState = forgetsState;
        }

        @Override
        public String name() {
            return "hand-over";
        }

        @Override
        public String description() {
            return "From MAX to SUM once MAX is learned";
        }

        @Override
        public Long config(ConfigSection section) {
            return section.longInteger("span", 1_000, 1, 1_000_000);
        }

        @Override
        public Curriculum create(Long span, CurriculumContext context) {
            return new Curriculum() {
                private long handOverFrom = -1;

                @Override
                public Map<String, Double> weights(long step) {
                    double sum = handOverFrom < 0 ? 0 : Math.min(1.0, (step - handOverFrom) / (double) span);
                    Map<String, Double> w = new LinkedHashMap<>();
                    w.put("MAX", negativeLate && step > 50_000 ? -0.5 : 1 - sum);
                    w.put("SUM", sum);
                    return w;
                }

                @Override
                public void observe(org.threshold.api.curriculum.Evaluation evaluation) {
                    if (handOverFrom < 0 && evaluation.metric("accuracy.MAX").orElse(0) >= 0.95) {
                        handOverFrom = evaluation.step();
                    }
                }

                @Override
                public Map<String, String> state() {
                    return Map.of("from", Long.toString(handOverFrom));
                }

                @Override
                public void restore(Map<String, String> state) {
                    if (!forgetsState) {
                        handOverFrom = Long.parseLong(state.get("from"));
                    }
                }
            };
        }
    }

    abstract static class HandOverContract extends CurriculumProviderContract<Long> {
        private final HandOver provider;

        HandOverContract(boolean negativeLate, boolean forgetsState) {
            provider = new HandOver(negativeLate, forgetsState);
        }

        @Override
        protected CurriculumProvider<Long> provider() {
            return provider;
        }

        @Override
        protected String config() {
            return "span: 3000";
        }
    }

    static class NegativeLate extends HandOverContract {
        NegativeLate() {
            super(true, false);
        }
    }

    static class ForgetsItsState extends HandOverContract {
        ForgetsItsState() {
            super(false, true);
        }
    }
}
