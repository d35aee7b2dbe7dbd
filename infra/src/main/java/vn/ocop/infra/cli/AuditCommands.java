package vn.ocop.infra.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.ocop.query.audit.chain.ChainExport;
import vn.ocop.query.audit.chain.ChainVerifier;
import vn.ocop.query.audit.chain.Checkpoint;
import vn.ocop.query.audit.chain.SigningKey;

/**
 * {@code java -jar ocop.jar verify-chain …} checks a database's audit chain with nothing but a JDBC URL and the
 * public key — the service may be stopped, the database may be a dump restored elsewhere.
 * {@code java -jar ocop.jar generate-signing-key FILE} makes the key a production service is configured with.
 */
public final class AuditCommands {

    public static final int INTACT = 0;
    public static final int TAMPERED = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;

    private static final String USAGE_TEXT = """
            usage:
              java -jar ocop.jar verify-chain --url=JDBC_URL --user=USER [--password=PASSWORD]
                                               --public-key=PUBLIC_KEY.pem [--checkpoints=EXPORT.json]
                  (the password may instead be given in the environment variable OCOP_VERIFY_PASSWORD)
                  exit status: 0 intact, 1 not intact, 2 usage, 3 database or files unreadable
              java -jar ocop.jar generate-signing-key FILE
            """;

    private AuditCommands() {
    }

    /** Whether the arguments ask for one of these modes rather than the service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("verify-chain") || args[0].equals("generate-signing-key"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args[0].equals("generate-signing-key")) {
            return generate(args, out, err);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] option = args[i].split("=", 2);
            if (!option[0].startsWith("--") || option.length != 2) {
                err.print("not an option: " + args[i] + "\n" + USAGE_TEXT);
                return USAGE;
            }
            options.put(option[0].substring(2), option[1]);
        }
        String password = options.getOrDefault("password", System.getenv("OCOP_VERIFY_PASSWORD"));
        for (String required : List.of("url", "user", "public-key")) {
            if (!options.containsKey(required)) {
                err.print("missing --" + required + "\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
        try {
            SigningKey key = SigningKey.read(Path.of(options.get("public-key")));
            List<Checkpoint> kept = options.containsKey("checkpoints")
                    ? json.readValue(Files.readAllBytes(Path.of(options.get("checkpoints"))), ChainExport.class)
                            .checkpoints()
                    : List.of();
            Properties credentials = new Properties();
            credentials.setProperty("user", options.get("user"));
            if (password != null) {
                credentials.setProperty("password", password);
            }
            ChainVerifier.Report report;
            try (Connection connection = DriverManager.getConnection(options.get("url"), credentials)) {
                report = new ChainVerifier(key).verifyInSnapshot(connection, kept == null ? List.of() : kept);
            }
            out.println(json.writeValueAsString(report));
            return report.intact() ? INTACT : TAMPERED;
        } catch (IOException | SQLException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return UNREADABLE;
        }
    }

    private static int generate(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Path file = Path.of(args[1]);
        if (Files.exists(file)) {
            err.println(file + " exists; a signing key is never overwritten");
            return USAGE;
        }
        try {
            SigningKey key = SigningKey.generate();
            key.write(file);
            out.println("Signing key " + key.keyId() + " written to " + file + "; its public key, for auditors:");
            out.print(key.publicPem());
            return INTACT;
        } catch (IOException e) {
            err.println("cannot write " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
    }
}
