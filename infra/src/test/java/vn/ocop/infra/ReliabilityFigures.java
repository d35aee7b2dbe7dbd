package vn.ocop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The reliability tests' figures, one line each, in {@code target/reliability/figures.txt} and on the console. */
public final class ReliabilityFigures {

    private static final Path FILE = Paths.get("target", "reliability", "figures.txt");

    private ReliabilityFigures() {
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
