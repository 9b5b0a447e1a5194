package org.threshold.analysis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistributionComparisonTest {

    @Test
    void comparisonCarriesEveryStatisticUnderStableNames() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {-1, 0, 1, 2, 3};

        DistributionComparison c = DistributionComparison.compare(a, b);

        assertThat(c.cohensD()).isEqualTo(CohensD.of(a, b));
        assertThat(c.wasserstein()).isCloseTo(2.0, within(1e-12));
        assertThat(c.meanDifference().difference()).isEqualTo(2.0);
        assertThat(c.figures()).containsKeys("ks", "ks_p", "jsd", "jsd_bins", "wasserstein", "cohens_d",
                "mean_difference", "mean_difference_lower", "mean_difference_upper");
        assertThat(c.describe()).startsWith("KS 0.400").contains("d 1.265");
    }
}
