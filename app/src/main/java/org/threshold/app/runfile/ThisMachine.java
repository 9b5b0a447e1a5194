package org.threshold.app.runfile;

import ai.djl.engine.Engine;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.threshold.trainer.device.DeviceChoice;

/** The machine this JVM runs on. */
public final class ThisMachine implements Machine {

    @Override
    public Optional<String> missingGpu() {
        return DeviceChoice.missingGpu(Engine.getInstance());
    }

    @Override
    public long heapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public long memoryBytes() {
        // HotSpot's bean reports a container's memory limit where there is one
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }
}
