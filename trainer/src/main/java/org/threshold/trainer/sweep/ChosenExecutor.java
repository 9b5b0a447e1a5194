package org.threshold.trainer.sweep;

import java.util.function.Supplier;
import org.threshold.api.sweep.SweepExecutor;
import org.threshold.api.sweep.SweepExecutorProvider;

/**
 * The executor a sweep file asks for ({@code sweep.executor}), its config bound.
 *
 * @param type the provider's name, e.g. {@code local}
 * @param creation makes the executor
 */
public record ChosenExecutor(String type, Supplier<SweepExecutor> creation) {

    public SweepExecutor create() {
        return creation.get();
    }

    /** Binds a provider's config now and creates its executor later, keeping the config's type. */
    static <C> ChosenExecutor of(SweepExecutorProvider<C> provider, org.threshold.api.config.ConfigSection section) {
        C config = provider.config(section);
        return new ChosenExecutor(provider.name(), () -> provider.create(config));
    }
}
