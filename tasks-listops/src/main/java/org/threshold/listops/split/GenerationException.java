package org.threshold.listops.split;

/**
 * Data that a valid-looking configuration cannot produce: a set that the split cannot fill within
 * its draw budget, or too many equations longer than the context. Names the config key to change
 * first ({@code train_size}, {@code context}, ...), so a task provider can turn it into a
 * config problem at that key.
 */
public final class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public GenerationException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The config key the message is about, e.g. {@code train_size}. */
    public String key() {
        return key;
    }
}
