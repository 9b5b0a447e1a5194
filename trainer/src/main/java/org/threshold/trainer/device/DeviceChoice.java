package org.threshold.trainer.device;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Where a run trains ({@code runtime.device}): {@code auto} takes a GPU when the engine has one and
 * the CPU otherwise, {@code cpu} always works, {@code gpu} insists on a GPU.
 */
public final class DeviceChoice {

    private DeviceChoice() {
    }

    public static Device select(String setting, Engine engine) {
        int gpus = engine.getGpuCount();
        return switch (setting) {
            case "cpu" -> Device.cpu();
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("runtime.device is gpu, but the engine (" + engine.getEngineName() + " "
                            + engine.getVersion() + ") sees no GPU: build with -Pgpu (docs/GPU.md), or use device: auto or cpu");
                }
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("runtime.device must be auto, cpu or gpu, found '" + setting + "'");
        };
    }
}
