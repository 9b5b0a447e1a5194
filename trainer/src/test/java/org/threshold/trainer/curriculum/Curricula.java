package org.threshold.trainer.curriculum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumContext;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.plugin.PluginDiscovery;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.PluginType;

/**
 * Curricula bound from a run file's {@code curriculum:} section for a task of MAX, MED and SUM, by
 * the rules the app's run files follow: {@code type} defaults to {@code constant}, a section with
 * problems is not created (a stand-in takes its place and the file fails its check), and every
 * problem of the file is thrown at the end.
 */
final class Curricula implements CurriculumContext {

    private final ConfigDocument document;
    private final Map<String, CurriculumProvider<?>> providers = PluginDiscovery.discover(List.of(PluginKind.CURRICULUM),
            Optional.empty(), Curricula.class.getClassLoader()).providers(PluginKind.CURRICULUM);

    private Curricula(ConfigDocument document) {
        this.document = document;
    }

    /** The resolved config (defaults filled in) of {@code yaml}, as a run directory's config.yaml keeps it. */
    static String resolved(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        new Curricula(doc).create(doc.root().section("curriculum"));
        doc.check();
        return doc.resolvedYaml();
    }

    static Curriculum of(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        Curriculum curriculum = new Curricula(doc).create(doc.root().section("curriculum"));
        doc.check();
        return curriculum;
    }

    @Override
    public List<String> components() {
        return List.of("MAX", "MED", "SUM");
    }

    @Override
    public Map<String, Double> defaultWeights() {
        Map<String, Double> own = new LinkedHashMap<>();
        components().forEach(c -> own.put(c, 1.0));
        return own;
    }

    @Override
    public Curriculum create(ConfigSection section) {
        Optional<CurriculumProvider<?>> provider = PluginType.select(section, PluginKind.CURRICULUM, providers, Optional.of("constant"));
        if (provider.isPresent()) {
            try {
                return bindAndCreate(provider.get(), section);
            } catch (IllegalArgumentException e) {
                document.report(new ConfigProblem(section.mark(), section.path(), e.getMessage()));
            }
        }
        return new ConstantCurriculum(defaultWeights());
    }

    private <C> Curriculum bindAndCreate(CurriculumProvider<C> provider, ConfigSection section) {
        C config = provider.config(section, this);
        return section.problems().isEmpty() ? provider.create(config, this) : new ConstantCurriculum(defaultWeights());
    }
}
