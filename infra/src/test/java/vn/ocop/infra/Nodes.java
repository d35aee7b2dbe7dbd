package vn.ocop.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Nodes of the service that a test starts and stops itself, all on the shared test database. */
public final class Nodes {

    private Nodes() {
    }

    /** Starts a node on a free port; {@code settings} are further {@code --name=value} arguments. */
    public static ConfigurableApplicationContext start(String... settings) {
        TestDatabase.Connection database = TestDatabase.get();
        TestAccounts.store();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--ocop.audit.signing-key-file=" + TestSigningKey.file(),
                "--logging.structured.format.console="));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(OcopApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * Starts the service as a fresh machine runs it: no database configured, so it brings its own embedded one,
     * kept in {@code dataDirectory}; {@code settings} are further {@code --name=value} arguments.
     */
    public static ConfigurableApplicationContext embedded(Path dataDirectory, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                // the first start creates the tests' administrator, with its password's hash
                "--ocop.security.bootstrap-admin=" + TestAccounts.administrator().username(),
                "--ocop.security.bootstrap-admin-password-hash=" + TestAccounts.administrator().passwordHash()));
        args.addAll(List.of(settings));
        return bare(dataDirectory, args.toArray(String[]::new));
    }

    /** The same, leaving the first start to create the administrator as it does on a fresh machine. */
    public static ConfigurableApplicationContext bare(Path dataDirectory, String... settings) {
        // As command-line arguments, these outrank application.yml, as an operator's would.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--ocop.embedded-database.data-directory=" + dataDirectory,
                "--logging.structured.format.console="));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(OcopApplication.class).run(args.toArray(String[]::new));
    }

    /** The node's base URL. */
    public static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
