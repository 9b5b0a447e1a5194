package org.threshold.trainer.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.testkit.CurriculumProviderContract;

class WarmStartCurriculumContractTest extends CurriculumProviderContract<WarmStartCurriculumProvider.Config> {

    @TempDir
    static Path dir;

    private Path source;

    @BeforeAll
    void sourceRun() throws IOException {
        source = SourceRuns.withCheckpoints(dir.resolve("source"), 1000, 2000);
    }

    @Override
    protected CurriculumProvider<WarmStartCurriculumProvider.Config> provider() {
        return new WarmStartCurriculumProvider();
    }

    @Override
    protected String config() {
        return "from: '" + source.toString().replace("'", "''") + "'\n"
                + "curriculum: {type: linear, from: [MAX, MED], to: [SUM], span: 500}";
    }
}
