package vn.ocop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.ocop.query.audit.chain.SigningKey;

/** The audit chain's signing key for every service the tests start: one per test JVM, as production has one. */
public final class TestSigningKey {

    private static Path file;

    private TestSigningKey() {
    }

    public static synchronized Path file() {
        if (file == null) {
            try {
                Path directory = Files.createTempDirectory("ocop-test-key");
                file = directory.resolve("audit-signing-key.pem");
                SigningKey.generate().write(file);
                file.toFile().deleteOnExit();
                directory.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
