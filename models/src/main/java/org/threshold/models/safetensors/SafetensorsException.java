package org.threshold.models.safetensors;

/** A file that is not a float32 safetensors file, with what is wrong in it. */
public final class SafetensorsException extends RuntimeException {

    public SafetensorsException(String message) {
        super(message);
    }
}
