package org.schoolcredits.demo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds and awaits the processes (PostgreSQL, an earlier version's Payara) that a killed launcher left running. */
final class Leftovers {

    private Leftovers() {
    }

    /** The live process whose pid is the first line of {@code pidFile}, if its command line mentions {@code marker}. */
    static Optional<ProcessHandle> runningProcess(Path pidFile, String marker) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst()
                    .flatMap(Leftovers::parsePid)
                    .flatMap(ProcessHandle::of)
                    .filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
        }
    }

    /** Waits up to {@code seconds} for the process to end; tells whether it has. */
    static boolean waitForExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out: the answer is below
        }
        return !process.isAlive();
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
