package org.threshold.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.analysis.transition.TransitionEstimate;
import org.threshold.analysis.transition.TransitionPoint;

class TransitionFigureTest {

    @TempDir
    Path directory;

    @Test
    void figureRendersAPngOfTheRequestedSizeWithDotsAndAStar() throws Exception {
        TransitionPoint sum = SweepExamples.located("SUM", 4.4);
        TransitionPoint all3 = SweepExamples.located("MAX+MED+SUM", 3.9);
        TransitionPoint sum900 = SweepExamples.neverLearned("SUM 900");
        Path png = directory.resolve("transition.png");

        TransitionFigure figure = new TransitionFigure("held-out SUM accuracy", List.of(sum, all3, sum900));
        figure.writePng(png, 1200, 450);

        BufferedImage image = Pictures.read(png);
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(450);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.02);
        // The star is drawn opaque in the palette's yellow.
        assertThat(Pictures.pixelsOf(image, Palette.STAR)).isPositive();
        // ... at each located transition, on the threshold, in its mixture's panel (ALL3's transition is the earliest)
        List<DrawnChart> drawn = new ArrayList<>();
        figure.render(1200, 450, drawn);
        for (int panel = 0; panel < 2; panel++) {
            TransitionPoint point = panel == 0 ? all3 : sum;
            double parameters = ((TransitionEstimate.Located) point.estimate()).parameters();
            assertThat(Pictures.colourNear(image, Pictures.at(drawn.get(panel), parameters, point.threshold()), 4, Palette.STAR))
                    .as("the star of %s", point.mixture()).isTrue();
            assertThat(Pictures.colourNear(image, Pictures.at(drawn.get(1 - panel), parameters, point.threshold()), 4, Palette.STAR))
                    .as("no star of %s in the other panel", point.mixture()).isFalse();
        }
    }

    @Test
    void preferredSizeGrowsWithThePanels() throws Exception {
        TransitionFigure one = new TransitionFigure("one", List.of(SweepExamples.located("SUM", 4.4)));
        TransitionFigure three = new TransitionFigure("three", List.of(SweepExamples.located("SUM", 4.4),
                SweepExamples.located("ALL3", 3.9), SweepExamples.neverLearned("SUM 900")));
        Path png = directory.resolve("three.png");

        three.writePng(png);

        assertThat(three.preferredSize().width).isGreaterThan(one.preferredSize().width);
        assertThat(Pictures.read(png).getWidth()).isEqualTo(three.preferredSize().width);
    }

    @Test
    void panelsAreOrderedByTransitionPointWithBoundsAtTheirBound() {
        TransitionPoint late = SweepExamples.located("SUM", 4.4);
        TransitionPoint early = SweepExamples.located("ALL3", 3.9);
        TransitionPoint never = SweepExamples.neverLearned("SUM 900");

        List<TransitionPoint> order = TransitionFigure.sortedByTransition(List.of(never, late, early));

        assertThat(order).extracting(TransitionPoint::mixture).containsExactly("ALL3", "SUM", "SUM 900");
        assertThat(never.estimate()).isInstanceOf(TransitionEstimate.Bounded.class);
    }

    @Test
    void captionsSayTheEstimateAndTheCount() {
        TransitionPoint never = SweepExamples.neverLearned("SUM 900");

        assertThat(TransitionFigure.caption(never))
                .isEqualTo("above 45.0k: no fit: all 18 runs are at or below 50%\n0 of 18 runs above 50%");
    }

    @Test
    void anEmptyFigureIsRejected() {
        assertThatThrownBy(() -> new TransitionFigure("none", List.of())).hasMessageContaining("at least one mixture");
    }
}
