package org.example.linkage;

/** Compiled, but left out of the jar: the provider then fails to link, as against another API. */
public final class Tables {

    public int size() {
        return 3;
    }
}
