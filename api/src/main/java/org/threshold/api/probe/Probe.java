package org.threshold.api.probe;

import java.io.IOException;

/** Reads trained models and writes named results (SPEC section 7). */
public interface Probe {

    ProbeReport run(ProbeInput input) throws IOException;
}
