package org.threshold.trainer.sweep;

import java.util.List;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigSection;

/**
 * Binds a key of the {@code sweep:} section that another module owns: {@code sweep.analysis} is
 * bound by the analysis module's own record, so the trainer knows nothing of analysis. It is
 * called while the sweep section is bound, so its problems are reported with the section's, in
 * file order, before anything trains.
 */
@FunctionalInterface
public interface SectionBinder {

    /**
     * @param section the key's section
     * @param gridKeys the keys of {@code sweep.grid}, in order (the analysis checks its curve filters against them)
     * @param document where problems at a key's own position go
     */
    void bind(ConfigSection section, List<String> gridKeys, ConfigDocument document);
}
