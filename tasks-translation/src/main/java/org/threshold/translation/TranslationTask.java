package org.threshold.translation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;
import org.threshold.api.task.Vocabulary;

/**
 * The triangle translation task of SPEC section 4 and the tiny-models paper (sections 2.4, 3.1,
 * 3.2): languages that relabel one hidden base, a graph of edges with training-sample counts,
 * the training stream of per-edge blocks cut into windows, in-context test prompts per edge,
 * the positional score, and Proposition 4's memorization baseline beside every edge's score.
 *
 * <p>Test sets: the first, with the empty name, is the headline edge's (metrics {@code score},
 * {@code exact_match}); then one per edge named like the edge ({@code score.A->C}), the headline
 * edge included, so every edge has its curve under its own name. The headline edge's prompts are
 * thus scored twice per evaluation (100 prompts by default), which keeps both names honest.
 *
 * <p>Figures ({@link #figures()}): {@code chance}, the expected score of a uniformly random
 * sentence; {@code sentences}, |N|; per edge {@code baseline.X->Y} = x/|N| (x distinct training
 * sentences), {@code baseline_bound.X->Y}, the mean score a memoriser reaches with probability at
 * most {@code bound_level} over the edge's n test sentences, and {@code training_sentences.X->Y}
 * = x, and {@code copy.X->Y}, the score of copying translations shown in the prompt (see
 * {@link ContextCopy}); {@code baseline}, {@code baseline_bound} and {@code copy} without a suffix
 * are the headline edge's.
 */
public final class TranslationTask implements Task {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationTask.class);

    private final TranslationConfig config;
    private final LanguageFamily family;
    private final TokenLayout layout;
    private final SentenceSpace space;
    private final Map<String, EdgeSplit> splits = new LinkedHashMap<>();
    private final Map<String, int[]> blocks = new LinkedHashMap<>();
    private final List<Component> components;
    private final List<EvalSet> evalSets;
    private final PositionalScore scorer;
    private final Map<String, Double> figures;

    public TranslationTask(TranslationConfig config, long seed) {
        this.config = config;
        this.family = new LanguageFamily(config.languages(), config.m(), seed);
        this.layout = new TokenLayout(family);
        this.space = new SentenceSpace(config.m(), config.sentenceLength());
        this.scorer = new PositionalScore(config.scoreWeights());

        int promptLength = TestPrompts.promptLength(config.context(), config.sentenceLength());
        if (promptLength < config.instanceLength() + config.sentenceLength() + 1 && config.promptInstances() > 0) {
            LOG.warn("A context of {} tokens leaves test prompts of {} tokens, too short to hold one whole solved instance"
                    + " before the query; the model sees only part of the edge's example", config.context(), promptLength);
        }

        Map<String, List<EvalItem>> items = new LinkedHashMap<>();
        for (Edge edge : config.edges()) {
            Mapping mapping = family.mapping(edge.from(), edge.to());
            EdgeSplit split = EdgeSplit.draw(space.size(), config.testPerEdge(), edge.samples(),
                    new SplittableRandom(DerivedSeed.of(seed, "edge", edge.from(), edge.to())));
            splits.put(edge.name(), split);
            if (split.withReplacement()) {
                LOG.debug("Edge {}: {} samples drawn with replacement from the {} sentences left after {} test sentences"
                        + " ({} distinct)", edge.name(), edge.samples(), space.size() - config.testPerEdge(),
                        config.testPerEdge(), split.distinctTraining());
            }
            blocks.put(edge.name(), block(mapping, split.training()));
            items.put(edge.name(), TestPrompts.build(layout, space, mapping, split.test(), config.promptInstances(),
                    promptLength, new SplittableRandom(DerivedSeed.of(seed, "prompts", edge.from(), edge.to()))));
        }
        this.components = buildComponents(seed);

        String headline = config.headline().name();
        List<EvalSet> sets = new ArrayList<>();
        sets.add(new EvalSet("", items.get(headline)));
        items.forEach((name, list) -> sets.add(new EvalSet(name, list)));
        this.evalSets = List.copyOf(sets);
        this.figures = buildFigures(headline, items);
    }

    private int[] block(Mapping mapping, long[] training) {
        int instance = config.instanceLength();
        int[] out = new int[training.length * instance];
        for (int i = 0; i < training.length; i++) {
            System.arraycopy(layout.instance(mapping, space.sentence(training[i])), 0, out, i * instance, instance);
        }
        return out;
    }

    private List<Component> buildComponents(long seed) {
        if (config.components() == ComponentLayout.STREAM) {
            int total = blocks.values().stream().mapToInt(b -> b.length).sum();
            int[] stream = new int[total];
            int at = 0;
            for (int[] b : blocks.values()) {
                System.arraycopy(b, 0, stream, at, b.length);
                at += b.length;
            }
            return List.of(new Component("stream", 1.0,
                    new StreamWindows(stream, config.context(), config.recut(), DerivedSeed.of(seed, "windows"))));
        }
        double total = blocks.values().stream().mapToInt(b -> b.length).sum();
        List<Component> out = new ArrayList<>();
        blocks.forEach((name, b) -> {
            if (b.length > 0) {
                out.add(new Component(name, b.length / total,
                        new StreamWindows(b, config.context(), config.recut(), DerivedSeed.of(seed, "windows", name))));
            }
        });
        return List.copyOf(out);
    }

    private Map<String, Double> buildFigures(String headline, Map<String, List<EvalItem>> items) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("chance", ChanceScore.of(config.m(), scorer));
        f.put("sentences", (double) space.size());
        MemorizationBaseline head = baseline(headline);
        f.put("baseline", head.expectedScore());
        f.put("baseline_bound", head.scoreReachedWithProbability(config.boundLevel()));
        f.put("copy", ContextCopy.meanScore(items.get(headline), scorer, layout.dot()));
        for (String edge : splits.keySet()) {
            MemorizationBaseline b = baseline(edge);
            f.put("baseline." + edge, b.expectedScore());
            f.put("baseline_bound." + edge, b.scoreReachedWithProbability(config.boundLevel()));
            f.put("training_sentences." + edge, (double) b.distinctTraining());
            f.put("copy." + edge, ContextCopy.meanScore(items.get(edge), scorer, layout.dot()));
        }
        return Collections.unmodifiableMap(f);
    }

    /** Proposition 4's memorization baseline of an edge. */
    public MemorizationBaseline baseline(String edge) {
        EdgeSplit split = split(edge);
        return new MemorizationBaseline(split.distinctTraining(), split.sentences(), config.testPerEdge());
    }

    public TranslationConfig config() {
        return config;
    }

    public LanguageFamily family() {
        return family;
    }

    public TokenLayout layout() {
        return layout;
    }

    public SentenceSpace sentences() {
        return space;
    }

    /** The test and training sentences of an edge, by name ({@code A->C}). */
    public EdgeSplit split(String edge) {
        EdgeSplit s = splits.get(edge);
        if (s == null) {
            throw new IllegalArgumentException("there is no edge " + edge + "; the edges are " + splits.keySet());
        }
        return s;
    }

    /** The training block of an edge: its instances in stream order. */
    public int[] block(String edge) {
        split(edge);
        return blocks.get(edge).clone();
    }

    @Override
    public Vocabulary vocabulary() {
        return layout.vocabulary();
    }

    @Override
    public int contextLength() {
        return config.context();
    }

    @Override
    public List<Component> components() {
        return components;
    }

    @Override
    public List<EvalSet> evalSets() {
        return evalSets;
    }

    @Override
    public Scorer scorer() {
        return scorer;
    }

    @Override
    public OptionalInt stopToken() {
        // the model writes exactly L tokens; nothing needs to stop it
        return OptionalInt.empty();
    }

    @Override
    public Map<String, Double> figures() {
        return figures;
    }

    @Override
    public String describe() {
        return "Translation: languages " + String.join(", ", config.languages()) + " of " + config.m() + " tokens, sentences of "
                + config.sentenceLength() + " (" + space.size() + "); edges "
                + config.edges().stream().map(e -> e.name() + " " + e.samples()).collect(Collectors.joining(", "))
                + "; " + config.testPerEdge() + " test sentences per edge, prompts of " + config.promptInstances()
                + " instances; context " + config.context() + ", windows " + (config.recut() ? "re-cut each epoch" : "fixed")
                + "; headline " + config.headline().name();
    }
}
