package vn.ocop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * How hard the reliability tests push — a short version in every build, the full one with
 * {@code -Docop.reliability=full} (README, "Reliability") — and their figures, one line each, in
 * {@code target/reliability/figures.txt} and on the console.
 */
public final class Reliability {

    private static final Path FILE = Paths.get("target", "reliability", "figures.txt");

    private Reliability() {
    }

    public static boolean full() {
        return "full".equals(System.getProperty("ocop.reliability"));
    }

    /** Crash cycles of each kind: 10 in the full run, 2 in the build. */
    public static int cycles() {
        return Integer.getInteger("ocop.reliability.cycles", full() ? 10 : 2);
    }

    public static synchronized void record(String line) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, Instant.now() + " " + line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[reliability] " + line);
    }
}
