package org.threshold.api.config;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Where a text passes one of SnakeYAML's limits, which its composer reports without a position:
 * the text's events are read again (parsing builds no tree and expands no alias, so this is cheap
 * even for an alias bomb) and counted exactly as the composer of SnakeYAML 2.5 counts them.
 */
final class LimitPlace {

    private LimitPlace() {
    }

    /**
     * The first alias past {@link LoaderOptions#getMaxAliasesForCollections()}: the composer counts
     * every alias whose anchor names a list or a mapping (an anchor written again names its latest
     * node), and refuses the one that makes the count exceed the limit.
     */
    static Mark aliasPastLimit(String text, String file, LoaderOptions options) {
        Map<String, Boolean> anchorIsCollection = new HashMap<>();
        int count = 0;
        for (Event event : events(text, options)) {
            if (event instanceof AliasEvent alias) {
                if (anchorIsCollection.getOrDefault(alias.getAnchor(), false) && ++count > options.getMaxAliasesForCollections()) {
                    return mark(event, file);
                }
            } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
                anchorIsCollection.put(node.getAnchor(), event instanceof CollectionStartEvent);
            }
        }
        return new Mark(file, 1, 1); // not reached for a text the composer refused
    }

    /**
     * The first value nested deeper than {@link LoaderOptions#getNestingDepthLimit()}: the composer
     * counts the lists and mappings open around a value (the top level is 0) and refuses the first
     * value, of any kind, whose count exceeds the limit.
     */
    static Mark nestingPastLimit(String text, String file, LoaderOptions options) {
        int open = 0;
        for (Event event : events(text, options)) {
            if (event instanceof CollectionStartEvent || event instanceof ScalarEvent) {
                if (open > options.getNestingDepthLimit()) {
                    return mark(event, file);
                }
                if (event instanceof CollectionStartEvent) {
                    open++;
                }
            } else if (event instanceof CollectionEndEvent) {
                open--;
            }
        }
        return new Mark(file, 1, 1); // not reached for a text the composer refused
    }

    private static Iterable<Event> events(String text, LoaderOptions options) {
        return new Yaml(new SafeConstructor(options)).parse(new StringReader(text));
    }

    private static Mark mark(Event event, String file) {
        return new Mark(file, event.getStartMark().getLine() + 1, event.getStartMark().getColumn() + 1);
    }
}
