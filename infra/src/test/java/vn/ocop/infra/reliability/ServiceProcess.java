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
    private Process process;
    private int starts;

    /**
     * @param name     for the log file and messages
     * @param database the database it uses (as configured by an operator: {@code spring.datasource.url})
     * @param settings further {@code --name=value} arguments
     */
    ServiceProcess(String name, String databaseUrl, String... settings) {
        this.name = name;
        this.port = freePort();
        this.log = Paths.get("target", "reliability", name + ".log");
        command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                OcopApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--ocop.audit.signing-key-file=" + TestSigningKey.file(),
                // the first start on the empty database creates the tests' administrator, with its password's hash
                "--ocop.security.bootstrap-admin=" + TestAccounts.administrator().username(),
                "--ocop.security.bootstrap-admin-password-hash=" + TestAccounts.administrator().passwordHash(),
                "--ocop.security.rate-limits.writes=1000000",
                "--logging.structured.format.console=",
                "--ocop.scheduler.polling-interval=500ms"));
        command.addAll(List.of(settings));
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
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(log.toFile())
                            : ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
