package org.schoolcredits.rest;

import java.io.IOException;
import java.io.InputStream;
import org.schoolcredits.problem.CreditsException;
import org.schoolcredits.problem.ProblemCode;

/** Request bodies read with a cap, so that nobody can make the plugin hold a huge body in memory. */
public final class Bodies {

    /** How much of an oversized body is read and thrown away, so that the client receives the 413. */
    private static final long DRAIN_AT_MOST = 4L * 1024 * 1024;

    private Bodies() {
    }

    /** The body, at most {@code maxBytes}; 413 {@code body_too_large} past that. */
    public static byte[] read(InputStream in, int maxBytes, String what) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            long drained = 0;
            for (long n; drained < DRAIN_AT_MOST && (n = in.skip(DRAIN_AT_MOST - drained)) > 0; ) {
                drained += n;
            }
            throw new CreditsException(ProblemCode.BODY_TOO_LARGE, what + " must be at most " + maxBytes + " bytes");
        }
        return bytes;
    }
}
