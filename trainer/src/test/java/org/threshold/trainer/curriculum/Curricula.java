package org.threshold.trainer.curriculum;

import java.util.LinkedHashMap;
import java.util.Map;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.testkit.ContractCurriculumContext;

/** Curricula bound from a run file's {@code curriculum:} section for a task of MAX, MED and SUM. */
final class Curricula {

    private Curricula() {
    }

    static ContractCurriculumContext context() {
        Map<String, Double> own = new LinkedHashMap<>();
        own.put("MAX", 1.0);
        own.put("MED", 1.0);
        own.put("SUM", 1.0);
        return new ContractCurriculumContext(own);
    }

    /** The curriculum of {@code yaml}'s {@code curriculum:} section; every problem of the file is thrown. */
    static Curriculum of(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        ContractCurriculumContext context = context();
        Curriculum curriculum = context.create(doc.root().section("curriculum"));
        doc.check();
        return curriculum;
    }
}
