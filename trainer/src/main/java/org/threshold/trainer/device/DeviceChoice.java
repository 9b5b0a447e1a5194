package org.threshold.trainer.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Optional;

/**
 * Where a run trains ({@code runtime.device}): {@code auto} takes a GPU when the engine has one and
 * the CPU otherwise, {@code cpu} always works, {@code gpu} insists on a GPU.
 */
public final class DeviceChoice {

    private DeviceChoice() {
    }

    /**
     * @throws DeviceUnavailableException for {@code gpu} when the engine sees no GPU
     */
    public static Device select(String setting, Engine engine) {
        int gpus = engine.getGpuCount();
        return switch (setting) {
            case "cpu" -> Device.cpu();
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new DeviceUnavailableException(missingGpu(engine).orElseThrow());
                }
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("runtime.device must be auto, cpu or gpu, found '" + setting + "'");
        };
    }

    /** Why {@code device: gpu} cannot train here, e.g. "the engine (PyTorch 2.7.1) sees no GPU"; empty when it can. */
    public static Optional<String> missingGpu(Engine engine) {
        return engine.getGpuCount() > 0 ? Optional.empty()
                : Optional.of("the engine (" + engine.getEngineName() + " " + engine.getVersion() + ") sees no GPU");
    }
}
