package org.schoolcredits.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Resident memory of process trees, read from /proc (Linux). */
final class Processes {

    /** Summed over a set of processes: resident set size and proportional set size, in MiB. */
    record Memory(int processes, double rssMiB, double pssMiB) {
    }

    private Processes() {
    }

    /** The processes {@code roots} and all their descendants, measured once. */
    static Memory of(long... roots) {
        Set<Long> pids = new TreeSet<>();
        for (long root : roots) {
            if (root <= 0) {
                continue;
            }
            ProcessHandle.of(root).ifPresent(p -> {
                pids.add(p.pid());
                p.descendants().forEach(d -> pids.add(d.pid()));
            });
        }
        long rssKiB = 0;
        long pssKiB = 0;
        for (long pid : pids) {
            rssKiB += field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
            pssKiB += field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
        }
        return new Memory(pids.size(), rssKiB / 1024.0, pssKiB / 1024.0);
    }

    static long parentOf(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "status"), "PPid:");
    }

    /** The number after {@code name} in a /proc file, or 0 when the process or line is gone. */
    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return 0;
    }
}
