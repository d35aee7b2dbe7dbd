package vn.ocop.infra.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the embedded PostgreSQL's life to the service's. PostgreSQL runs as a daemon of its own: when the
 * service's JVM dies without stopping it (SIGKILL, the out-of-memory killer, a crash), it keeps running on the
 * data directory, and the next start of the service cannot start a server there. Two measures, both keyed to the
 * server's own lock file ({@code postmaster.pid}, whose first line is the server's process id and second its
 * data directory):
 * <ul>
 *     <li>before starting, a server still running on the data directory is stopped — a fast shutdown (SIGINT),
 *     which rolls back what its dead clients left open and checkpoints — and killed only if it has not
 *     stopped within the timeout;</li>
 *     <li>once started, a watchdog process (a POSIX shell) waits on a pipe from the service's JVM. The pipe ends
 *     when the JVM ends, however it ends; the watchdog then asks the server for the same fast shutdown,
 *     provided the lock file still names the server it was started for. A clean stop of the service ends the
 *     watchdog first, then stops the server itself.</li>
 * </ul>
 * The watchdog needs {@code /bin/sh}; where there is none (Windows) only the first measure applies.
 */
final class EmbeddedDatabaseLifetime {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseLifetime.class);
    private static final Path SHELL = Path.of("/bin/sh");
    static final Duration FAST_SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    private EmbeddedDatabaseLifetime() {
    }

    /** The server process that {@code postmaster.pid} in {@code dataDirectory} names, if it is alive and a PostgreSQL. */
    static Optional<ProcessHandle> runningServer(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(lockFile)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(lockFile, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres"))
                        .orElse(true));
    }

    /**
     * Stops a PostgreSQL left running on {@code dataDirectory} by an earlier run of the service that did not stop
     * it: a fast shutdown, then a kill after {@code timeout}; returns whether there was one.
     */
    static boolean stopLeftoverServer(Path dataDirectory, Duration timeout) {
        Optional<ProcessHandle> leftover = runningServer(dataDirectory);
        if (leftover.isEmpty()) {
            return false;
        }
        ProcessHandle server = leftover.get();
        List<ProcessHandle> children = server.children().toList();
        LOG.warn("A PostgreSQL (process {}) is still running on the data directory {}, left by an earlier run of the "
                + "service that did not stop it; stopping it (fast shutdown) before starting", server.pid(),
                dataDirectory);
        signal(server.pid(), "INT");
        if (!awaitExit(server, timeout)) {
            LOG.warn("The PostgreSQL left running on {} did not stop within {} s; killing it", dataDirectory,
                    timeout.toSeconds());
            server.destroyForcibly();
            awaitExit(server, Duration.ofSeconds(10));
        }
        // its backends end with it; the next server refuses to start while one still holds the shared memory
        children.forEach(child -> awaitExit(child, Duration.ofSeconds(10)));
        return true;
    }

    /**
     * Starts the watchdog for the server now running on {@code dataDirectory}; empty where no shell is at hand
     * or no server is found.
     */
    static Optional<Watchdog> watch(Path dataDirectory) {
        Optional<ProcessHandle> server = runningServer(dataDirectory);
        if (server.isEmpty() || !Files.isExecutable(SHELL)) {
            LOG.info("No watchdog for the embedded PostgreSQL ({})",
                    server.isEmpty() ? "no server found on " + dataDirectory : "no " + SHELL);
            return Optional.empty();
        }
        // $0: the lock file, $1: the server's process id. read returns at end of input: the JVM has ended.
        String script = "read -r ignored; "
                + "[ \"$(head -n 1 \"$0\" 2>/dev/null)\" = \"$1\" ] && kill -INT \"$1\"; exit 0";
        try {
            Process watchdog = new ProcessBuilder(SHELL.toString(), "-c", script,
                    dataDirectory.resolve("postmaster.pid").toString(), Long.toString(server.get().pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new Watchdog(watchdog));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded database's watchdog", e);
        }
    }

    /** The watchdog process; closing it (the service stopping cleanly) ends it without touching the server. */
    record Watchdog(Process process) implements AutoCloseable {

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                process.getOutputStream().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the pipe is gone with the process
            }
        }
    }

    private static void signal(long pid, String signal) {
        if (!Files.isExecutable(SHELL)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            return;
        }
        try {
            new ProcessBuilder(SHELL.toString(), "-c", "kill -" + signal + " \"$0\"", Long.toString(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
