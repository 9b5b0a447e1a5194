package org.threshold.trainer.stopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.threshold.trainer.TrainingConfig;

class DivergenceTest {

    private static TrainingConfig training(double lr, double eps, double weightDecay) {
        return new TrainingConfig(1000, OptionalDouble.empty(), 64, lr, 0, 100, "cosine", 0.9, 0.99, eps, weightDecay, 1.0, 250,
                "all", new TrainingConfig.EarlyStopping(false, 2000, 2.5e-4, 10));
    }

    @Test
    void weightDecayThatFlipsTheWeightsIsNamedAsTheCause() {
        assertThat(Divergence.advice(training(0.5, 1e-8, 10))).isEqualTo(
                "training.weight_decay (now 10.0) times training.lr (now 0.5) is 5.00, at least 1: AdamW multiplies every weight by "
                        + "1 - lr * weight_decay each step, which then flips it (and beyond 2 grows it); lower weight_decay below 1/lr = 2.00");
    }

    @Test
    void anEpsThatFloat32TurnsIntoZeroIsNamedAsTheCause() {
        assertThat(Divergence.advice(training(1e-3, 0, 0))).isEqualTo(
                "training.eps (now 0.0) becomes 0 in float32 after Adam's bias correction, so a parameter whose gradient has been 0 "
                        + "gets 0/0; raise it (the default is 1e-8)");
    }

    @Test
    void otherwiseTheLearningRateItsWarmUpAndClippingAre() {
        assertThat(Divergence.advice(training(1e-3, 1e-8, 0.01))).isEqualTo(
                "lower training.lr (now 0.001) or lengthen training.warmup (now 100 steps), and check gradient clipping "
                        + "(training.clip is 1.0)");
    }

    @Test
    void aCheckpointIsWorthKeepingWhileItsModelIsNoWorseThanGuessing() {
        assertThat(Divergence.guessingLoss(24)).isEqualTo(Math.log(24));
        assertThat(Divergence.worthKeeping(3.17, 24)).isTrue();
        assertThat(Divergence.worthKeeping(3.19, 24)).isFalse();
        assertThat(Divergence.worthKeeping(6e9, 24)).isFalse();
        assertThat(Divergence.worthKeeping(Double.NaN, 24)).isFalse();
    }

    @Test
    void theMessageSaysWhichCheckpointIsWorthGoingBackTo() {
        assertThat(Divergence.kept(OptionalLong.of(1000), Map.of(), 24, "ckpt")).isEqualTo("the checkpoint of step 1000 is kept in ckpt");
        assertThat(Divergence.kept(OptionalLong.empty(), Map.of(), 24, "ckpt")).isEqualTo("no checkpoint had been saved yet");
        assertThat(Divergence.kept(OptionalLong.empty(), Map.of(1000L, 6e9), 24, "ckpt")).isEqualTo(
                "no checkpoint worth going back to is kept: the one of step 1000 had a mean training loss of 6.00e+09 already, above "
                        + "ln 24 = 3.18, the loss of guessing uniformly");
        assertThat(Divergence.kept(OptionalLong.of(500), Map.of(1000L, 6e9), 24, "ckpt")).isEqualTo(
                "the checkpoint of step 500 is kept in ckpt; the newer one, of step 1000, had a mean training loss of 6.00e+09 "
                        + "already, above ln 24 = 3.18, the loss of guessing uniformly: do not go back to it");
    }
}
