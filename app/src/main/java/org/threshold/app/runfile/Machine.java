package org.threshold.app.runfile;

import com.google.inject.ImplementedBy;
import java.util.Optional;

/**
 * What the checks made before a run starts ({@link Preflight}) need to know of the machine the
 * run trains on: {@link ThisMachine} in use, a fixed one in tests.
 */
@ImplementedBy(ThisMachine.class)
public interface Machine {

    /**
     * Why {@code runtime.device: gpu} cannot train here, e.g. "the engine (PyTorch 2.7.1) sees no
     * GPU"; empty when it can. May load the engine, so it is asked only for {@code device: gpu}.
     */
    Optional<String> missingGpu();

    /** The most Java heap this JVM may take ({@code -Xmx}). */
    long heapBytes();

    /** The memory of the machine (or the container's limit). */
    long memoryBytes();
}
