package org.threshold.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import org.junit.jupiter.api.Test;

/** The figures' one colour scale: stops at known values, linear blends between them. */
class ColourScaleTest {

    @Test
    void viridisRunsFromDarkPurpleThroughTealToYellow() {
        ColourScale scale = ColourScale.viridis(0, 8);
        assertThat(scale.getPaint(0)).isEqualTo(new Color(0x44, 0x01, 0x54));
        assertThat(scale.getPaint(4)).isEqualTo(new Color(0x21, 0x91, 0x8C));
        assertThat(scale.getPaint(8)).isEqualTo(new Color(0xFD, 0xE7, 0x25));
        // half-way between the stops at 0 and 1/8: (0x44 + 0x47) / 2 = 69.5, rounded up
        assertThat(scale.getPaint(0.5)).isEqualTo(new Color(70, 23, 104));
        assertThat(scale.position(2)).isEqualTo(0.25);
    }

    @Test
    void valuesOutsideTheRangeTakeTheEndColours() {
        ColourScale scale = ColourScale.blues(0, 1);
        assertThat(scale.getPaint(-3)).isEqualTo(Color.WHITE);
        assertThat(scale.getPaint(0)).isEqualTo(Color.WHITE);
        assertThat(scale.getPaint(7)).isEqualTo(new Color(0x08, 0x30, 0x6B));
        assertThat(scale.position(7)).isEqualTo(1.0);
    }

    @Test
    void aDivergingScaleIsWhiteAtItsMidpointBlueBelowAndRedAbove() {
        ColourScale scale = ColourScale.blueWhiteRed(-1, 1);
        assertThat(scale.getPaint(0)).isEqualTo(Color.WHITE);
        assertThat(scale.getPaint(-1)).isEqualTo(new Color(0x21, 0x66, 0xAC));
        assertThat(scale.getPaint(1)).isEqualTo(new Color(0xB2, 0x18, 0x2B));
        // half-way to red: 255 + (0xB2 - 255) / 2 = 216.5, 255 + (0x18 - 255) / 2 = 139.5, 255 + (0x2B - 255) / 2 = 149
        assertThat(scale.getPaint(0.5)).isEqualTo(new Color(217, 140, 149));
    }

    @Test
    void aScaleNeedsARange() {
        assertThatThrownBy(() -> ColourScale.viridis(1, 1)).hasMessageContaining("lower < upper");
    }
}
