package vn.ocop.infra.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.infra.OcopApplication;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.TestSigningKey;

/**
 * The service as an operating system process of its own (a JVM started from the tests' class path), so that it
 * can be killed with SIGKILL mid-request as a failing machine would kill it. Its output goes to a log file
 * under the build's target folder.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final List<String> command;
    private final int port;
    private final Path log;
    private final Path directory;
    private Process process;
    private int starts;
    private long logOffset;

    /**
     * @param name     for the log file and messages
     * @param database the database it uses (as configured by an operator: {@code spring.datasource.url})
     * @param settings further {@code --name=value} arguments
     */
    ServiceProcess(String name, String databaseUrl, String... settings) {
        this(name, null, concat(concat(TEST_ADMINISTRATOR,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--ocop.audit.signing-key-file=" + TestSigningKey.file(),
                "--logging.structured.format.console="), List.of(settings)));
    }

    /**
     * The service as a fresh machine runs it, started in {@code workingDirectory}: no database configured, so it
     * brings its own in {@code data/postgres} there, and no logging configured.
     */
    static ServiceProcess embeddedDefault(String name, Path workingDirectory, String... settings) {
        return new ServiceProcess(name, workingDirectory, concat(TEST_ADMINISTRATOR, settings));
    }

    /** The same with nothing of the tests' own: the first start creates an administrator and prints its password. */
    static ServiceProcess asShipped(String name, Path workingDirectory, String... settings) {
        return new ServiceProcess(name, workingDirectory, List.of(settings));
    }

    /** The first start on the empty database creates the tests' administrator, with its password's hash. */
    private static final List<String> TEST_ADMINISTRATOR = List.of(
            "--ocop.security.bootstrap-admin=" + TestAccounts.administrator().username(),
            "--ocop.security.bootstrap-admin-password-hash=" + TestAccounts.administrator().passwordHash(),
            "--ocop.security.rate-limits.writes=1000000",
            "--ocop.scheduler.polling-interval=500ms");

    private ServiceProcess(String name, Path directory, List<String> settings) {
        this.name = name;
        this.directory = directory;
        this.port = freePort();
        this.log = Paths.get("target", "reliability", name + ".log").toAbsolutePath();
        command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                OcopApplication.class.getName(),
                "--server.port=" + port));
        command.addAll(settings);
    }

    private static List<String> concat(List<String> first, List<String> more) {
        return concat(first, more.toArray(String[]::new));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    String base() {
        return "http://localhost:" + port;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the process and waits until it answers that it is up; returns how long that took. */
    Duration start() {
        Instant begun = Instant.now();
        spawn();
        return awaitUp(begun);
    }

    /** Starts the process without waiting for it. */
    void spawn() {
        try {
            Files.createDirectories(log.getParent());
            logOffset = starts == 0 || !Files.exists(log) ? 0 : Files.size(log);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(log.toFile())
                            : ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (directory != null) {
                Files.createDirectories(directory);
                builder.directory(directory.toFile());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What this start of the process has written so far. */
    String output() {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(logOffset, all.length), (int) Math.max(0, all.length - logOffset),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until this start has written {@code text}. */
    void awaitOutput(String text, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (!output().contains(text)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " never wrote '" + text + "'; see " + log);
            }
            sleep(50);
        }
    }

    /** Waits until the started process answers that it is up; returns how long since {@code begun}. */
    Duration awaitUp(Instant begun) {
        Instant deadline = begun.plus(Duration.ofMinutes(3));
        while (!up()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not start; see " + log.toAbsolutePath());
            }
            sleep(250);
        }
        return Duration.between(begun, Instant.now());
    }

    boolean up() {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, requests cut mid-way. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGKILL of the process and of every process it started, as a kill of its whole process group. */
    void killWithChildren() {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        waitForExit();
        children.forEach(child -> child.onExit().join());
    }

    /** SIGTERM: the graceful shutdown an operator's stop gives. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
