package org.threshold.app.cli;

import com.google.inject.AbstractModule;
import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import org.threshold.app.plugins.PluginModule;
import org.threshold.app.runfile.Machine;
import picocli.CommandLine;

/**
 * Makes picocli's objects (the commands above all) with Guice, so that every command receives
 * its dependencies in its constructor and the object graph is built in one place. This is the
 * one place in the app that asks the injector for an object; anything Guice cannot make (picocli's
 * own collections and converters) comes from picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {

    private final Injector injector;

    /** The factory for one invocation of {@code threshold}, whose root command is {@code threshold}. */
    CommandFactory(ThresholdCommand threshold) {
        this.injector = Guice.createInjector(new PluginModule(threshold::plugins), new AbstractModule() {
            @Override
            protected void configure() {
                bind(ThresholdCommand.class).toInstance(threshold);
                bind(Machine.class).toInstance(threshold.machine());
            }
        });
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException notInjectable) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
