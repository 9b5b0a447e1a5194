package org.threshold.api.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A mapping of a config file being bound to a plugin's typed config record. A binder asks for
 * every key it knows, each with its default and its valid range, in one place:
 *
 * <pre>{@code
 * record ListOpsConfig(int modulus, int depth, ...) {
 *     static ListOpsConfig bind(ConfigSection s) {
 *         return new ListOpsConfig(s.integer("modulus", 10, 2, 4096), s.integer("depth", 2, 1, 16), ...);
 *     }
 * }
 * }</pre>
 *
 * <p>Contract, which every implementation keeps and every binder may rely on:
 * <ul>
 *   <li>A value of the wrong type or out of range is recorded as a {@link ConfigProblem} at the
 *       value's position (file:line:column, YAML path, what was expected, what was found) and the
 *       default is returned, so binding goes on and one pass reports every problem of a file.
 *       Whoever owns the file throws one {@link ConfigException} with all of them at the end.</li>
 *   <li>Every key asked for becomes a known key. Keys in the file that no one asked for are
 *       reported as unknown (with "did you mean" for a near miss) when the section is finished,
 *       so a typo never silently falls back to a default. Binders therefore ask for every key
 *       they accept, also keys that matter only in some settings.</li>
 *   <li>Every value asked for, default or not, is recorded as the resolved value of its key; the
 *       resolved config (defaults filled in) is what a run directory keeps.</li>
 *   <li>Numbers are range-checked before conversion (a 26-digit integer is an error, not an
 *       overflow), integers are decimal (YAML 1.1's octal {@code 010} is an error), and booleans
 *       are {@code true} or {@code false} only (YAML 1.1's {@code yes/no/on/off} are errors).</li>
 * </ul>
 */
public interface ConfigSection {

    /** Dotted YAML path of this mapping, e.g. {@code task} or {@code curriculum.stages[1]}; empty for the root. */
    String path();

    /** Where this mapping starts (or where it would be, for an absent section). */
    Mark mark();

    /**
     * Where the file gives {@code key} (the key's own position), or this section's position when
     * it does not: where a problem found later, e.g. when a plugin makes its data, is reported.
     */
    Mark mark(String key);

    /** Whether the file gives this key (asking does not make it known). */
    boolean has(String key);

    /** The keys the file gives, in file order. */
    Set<String> keys();

    int integer(String key, int defaultValue, int min, int max);

    /** An integer the file may omit; absent gives empty and is resolved as null. */
    OptionalInt optionalInteger(String key, int min, int max);

    long longInteger(String key, long defaultValue, long min, long max);

    double number(String key, double defaultValue, double min, double max);

    OptionalDouble optionalNumber(String key, double min, double max);

    boolean flag(String key, boolean defaultValue);

    String text(String key, String defaultValue);

    Optional<String> optionalText(String key);

    /**
     * One of a fixed set of words, e.g. {@code mixing: per-expression}. A miss names the allowed
     * words, with "did you mean" for a near miss.
     */
    String choice(String key, String defaultValue, List<String> allowed);

    /**
     * One constant of an enum, written as its {@link Choice#word()}, e.g.
     * {@code section.choice("mixing", Mixing.WITHIN)}; the allowed words are every constant's, in
     * declaration order. A miss is reported as by {@link #choice(String, String, List)} and gives
     * the default.
     */
    default <E extends Enum<E> & Choice> E choice(String key, E defaultValue) {
        List<String> words = Choice.words(defaultValue.getDeclaringClass());
        // choice(String, …) returns an allowed word or the default's, so the index is always found.
        return defaultValue.getDeclaringClass().getEnumConstants()[words.indexOf(choice(key, defaultValue.word(), words))];
    }

    List<Integer> integers(String key, List<Integer> defaultValue, int min, int max);

    List<Double> numbers(String key, List<Double> defaultValue, double min, double max);

    List<String> texts(String key, List<String> defaultValue);

    /**
     * Named non-negative weights, written either as a mapping ({@code {MAX: 2, SUM: 1}}) or as a
     * list of names ({@code [MAX, SUM]}, weight 1 each). Order is kept; at least one weight must be
     * positive. Names outside {@code allowed} (when it is not empty) are problems with "did you mean".
     */
    Map<String, Double> weights(String key, Map<String, Double> defaultValue, List<String> allowed);

    /**
     * An input file whose content is part of the science (e.g. {@code model.weights}): empty when
     * the key is absent or null, and then the key stays out of the resolved config (as
     * {@link #optionalSection}), so a file key added later leaves every file that does not use it
     * as it was. A relative path is resolved against the config file's directory (the working
     * directory for a config that has none). The resolved config records the absolute path, so a
     * run directory's config.yaml still finds the file; the run's identity holds the SHA-256 of the
     * file's bytes instead of the path, so the same bytes anywhere are one run and changed bytes
     * another. A file that does not exist or cannot be read is a problem at the key (and gives empty).
     */
    Optional<Path> optionalFile(String key);

    /** A nested mapping; an absent key gives an empty section (all defaults). */
    ConfigSection section(String key);

    /**
     * A nested mapping the file may leave out, for a setting that is off unless given (e.g.
     * {@code training.stop_at}): empty when the key is absent or null ({@code ~}), and then the key
     * stays out of the resolved config as well, so a setting added later leaves the resolved config
     * (and so the run identity) of every file that does not use it as it was. The key is known
     * either way; a value that is not a mapping is a problem and gives empty. Asked for again, the
     * same section.
     */
    Optional<ConfigSection> optionalSection(String key);

    /** A list of mappings, e.g. curriculum stages; an absent key gives an empty list. */
    List<ConfigSection> sections(String key);

    /**
     * The raw node under a key, for values a plugin interprets itself (grids, filters). The key
     * becomes known; its resolved value is the node as written.
     */
    Optional<ConfigNode> node(String key);

    /**
     * Records a semantic problem (a combination that cannot work, a size the data cannot fill) at
     * the key's position, or the section's when the key is absent; binding goes on.
     */
    void problem(String key, String message);

    /** The problems recorded so far in this section and the sections under it. */
    List<ConfigProblem> problems();

    /**
     * Leaves a key asked for out of the run's identity (the resolved config still shows it). For a
     * key added after run directories existed, while it has the value runs had before it
     * (DESIGN.md: such a key enters the identity only when set away from that), so that existing
     * runs keep their directories; or for a value whose science enters the identity otherwise, such
     * as a file path beside the hash of the file's content. The default does nothing: the key stays
     * in the identity, which never merges two runs that differ.
     */
    default void outsideIdentity(String key) {
    }
}
