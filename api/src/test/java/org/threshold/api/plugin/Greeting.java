package org.threshold.api.plugin;

import org.threshold.api.Plugin;

/**
 * A plugin kind that exists only in these tests: discovery takes its kinds as a list, so a module
 * can add its own (the trainer adds sweep executors) without changing discovery.
 */
public interface Greeting extends Plugin {

    String greet(String who);

    PluginKind<Greeting> KIND = new PluginKind<>("greeting", Greeting.class);

    /** The provider that loads. */
    final class Hello implements Greeting {
        @Override
        public String name() {
            return "hello";
        }

        @Override
        public String description() {
            return "Says hello\n  politely";
        }

        @Override
        public String greet(String who) {
            return "hello " + who;
        }
    }

    /** A second provider with a name already taken. */
    final class HelloAgain implements Greeting {
        @Override
        public String name() {
            return "hello";
        }

        @Override
        public String description() {
            return "Says hello again";
        }

        @Override
        public String greet(String who) {
            return "hello again " + who;
        }
    }

    /** A provider whose name could not be written in YAML as a plugin type. */
    final class Shouting implements Greeting {
        @Override
        public String name() {
            return "Shout!";
        }

        @Override
        public String description() {
            return "Shouts";
        }

        @Override
        public String greet(String who) {
            return "HELLO " + who;
        }
    }

    /** A provider whose constructor fails, e.g. a missing resource. */
    final class Exploding implements Greeting {
        public Exploding() {
            throw new IllegalStateException("no greeting today");
        }

        @Override
        public String name() {
            return "exploding";
        }

        @Override
        public String description() {
            return "Never gets this far";
        }

        @Override
        public String greet(String who) {
            return who;
        }
    }
}
