package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterCountTest {

    @Test
    void countsAreWrittenWithAUnitAndOneDecimalBelowAHundred() {
        assertThat(ParameterCount.format(950)).isEqualTo("950");
        assertThat(ParameterCount.format(4_100)).isEqualTo("4.1k");
        assertThat(ParameterCount.format(31_249)).isEqualTo("31.2k");
        assertThat(ParameterCount.format(153_400)).isEqualTo("153k");
        assertThat(ParameterCount.format(999_999)).isEqualTo("1.0M");
        assertThat(ParameterCount.format(34_000_000)).isEqualTo("34.0M");
    }
}
