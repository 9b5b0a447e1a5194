package org.threshold.api;

/**
 * What every provider has: the stable name a YAML config uses ({@code task: {type: listops}}) and
 * a one-line description that {@code threshold plugins} prints.
 *
 * <p>Names are kebab-case ({@code listops}, {@code permutation-group}); two providers of one kind
 * with one name are an error that names both origins.
 */
public interface Plugin {

    /** The kebab-case name used in YAML, stable across versions. */
    String name();

    /** One line saying what the plugin is, for {@code threshold plugins}. */
    String description();
}
