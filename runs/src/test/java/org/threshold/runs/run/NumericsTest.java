package org.threshold.runs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NumericsTest {

    @Test
    void mklDispatchIsRecordedFromWhatTheProcessPreloadedNotFromTheVariable() {
        Numerics preloaded = Numerics.of(2, Map.of("LD_PRELOAD", "/a/b/" + Numerics.MKL_DISPATCH_LIBRARY, "MKL_CBWR", "AVX2"));
        assertThat(preloaded.environment()).containsEntry(Numerics.MKL_DISPATCH, "intel").containsEntry("MKL_CBWR", "AVX2");
        assertThat(preloaded.describe()).isEqualTo("threads 2, ATEN_CPU_CAPABILITY unset, MKL_CBWR=AVX2, THRESHOLD_MKL_DISPATCH=intel");

        Numerics claimed = Numerics.of(2, Map.of(Numerics.MKL_DISPATCH, "intel", "MKL_CBWR", "AVX2"));
        assertThat(claimed.environment()).doesNotContainKey(Numerics.MKL_DISPATCH);
        assertThat(Numerics.of(2, Map.of("LD_PRELOAD", "/a/other-" + Numerics.MKL_DISPATCH_LIBRARY)).environment()).isEmpty();

        assertThat(claimed.differences(preloaded)).containsExactly(
                "THRESHOLD_MKL_DISPATCH unset (now =intel: resume with THRESHOLD_MKL_DISPATCH=vendor (bin/threshold))");
        assertThat(preloaded.differences(claimed)).containsExactly(
                "THRESHOLD_MKL_DISPATCH =intel (now unset: resume with THRESHOLD_MKL_DISPATCH=intel (bin/threshold))");
        assertThat(Numerics.fromJson(preloaded.toJson())).isEqualTo(preloaded);
    }

    @Test
    void aRunRecordedBeforeTheDispatchWasRecordedReadsAsMklsOwnPath() {
        Numerics old = Numerics.fromJson(com.google.gson.JsonParser.parseString(
                "{\"threads\": 1, \"environment\": {\"MKL_CBWR\": \"COMPATIBLE\"}}").getAsJsonObject());
        assertThat(old.differences(Numerics.of(1, Map.of("MKL_CBWR", "COMPATIBLE")))).isEmpty();
        assertThat(old.describe()).endsWith("THRESHOLD_MKL_DISPATCH unset");
    }
}
