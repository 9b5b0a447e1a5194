package org.threshold.api.config;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a {@link ConfigNode} tree as YAML that reads back to the same tree: plain scalars stay
 * plain ({@code 10}, {@code 1.0E-4}, {@code true}), text that YAML would read as something else is
 * quoted ({@code '10'}, {@code 'yes'}). Mappings are written in block style, lists of scalars in
 * flow style ({@code [0.9, 0.99]}). The output is deterministic, so it can be hashed.
 */
public final class YamlWriter {

    private YamlWriter() {
    }

    public static String write(ConfigNode node) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(toYaml(node, new Resolver()), out);
        return out.toString();
    }

    private static Node toYaml(ConfigNode node, Resolver resolver) {
        if (node instanceof ConfigNode.Scalar s) {
            if (s.isNull()) {
                return new ScalarNode(Tag.NULL, "null", null, null, DumperOptions.ScalarStyle.PLAIN);
            }
            // A plain scalar keeps the tag YAML gives it implicitly, so it is written plain again;
            // quoted text is a string, and the emitter quotes it only where YAML would misread it.
            Tag tag = s.plain() ? resolver.resolve(NodeId.scalar, s.text(), true) : Tag.STR;
            return new ScalarNode(tag, s.text(), null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        if (node instanceof ConfigNode.Sequence q) {
            List<Node> items = new ArrayList<>();
            boolean scalars = true;
            for (ConfigNode item : q.items()) {
                items.add(toYaml(item, resolver));
                scalars &= item instanceof ConfigNode.Scalar;
            }
            return new SequenceNode(Tag.SEQ, items,
                    scalars ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        }
        ConfigNode.Mapping m = (ConfigNode.Mapping) node;
        List<NodeTuple> tuples = new ArrayList<>();
        for (ConfigNode.Entry e : m.entries()) {
            tuples.add(new NodeTuple(new ScalarNode(Tag.STR, e.key(), null, null, DumperOptions.ScalarStyle.PLAIN),
                    toYaml(e.value(), resolver)));
        }
        return new MappingNode(Tag.MAP, tuples,
                tuples.isEmpty() ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    }
}
