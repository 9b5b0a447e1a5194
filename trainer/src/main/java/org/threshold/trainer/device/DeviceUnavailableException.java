package org.threshold.trainer.device;

/**
 * {@code runtime.device: gpu} on a machine whose engine sees no GPU. Found when the engine loads,
 * before anything of the run is written, so the app reports it as a config problem at
 * {@code runtime.device}.
 */
public final class DeviceUnavailableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /** @param reason why there is no GPU, e.g. "the engine (PyTorch 2.7.1) sees no GPU" */
    public DeviceUnavailableException(String reason) {
        super("runtime.device is gpu, but " + reason + ": train where the engine sees a GPU (a build with -Pgpu on a machine "
                + "with one), or use device: auto or cpu");
        this.reason = reason;
    }

    /** Why there is no GPU, e.g. "the engine (PyTorch 2.7.1) sees no GPU". */
    public String reason() {
        return reason;
    }
}
