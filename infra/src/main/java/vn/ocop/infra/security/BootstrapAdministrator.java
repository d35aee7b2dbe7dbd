package vn.ocop.infra.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first account. On a database without accounts the service creates an administrator with a generated
 * password, prints the password once to the console — not through the logging system — and keeps only its
 * hash; the administrator must change it at first sign-in. With the {@code prod} profile the service refuses
 * to start while that first password is unchanged. Runs before the web server opens.
 */
@Component
class BootstrapAdministrator implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 24;

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Environment environment;
    private final PrintStream console;

    BootstrapAdministrator(Accounts accounts, PasswordEncoder encoder, SecurityProperties properties,
                           Environment environment) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.environment = environment;
        this.console = System.out;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.mode() == SecurityProperties.Mode.JWT) {
            return; // the identity provider keeps the accounts
        }
        if (accounts.count() == 0) {
            create();
        }
        if (environment.acceptsProfiles(Profiles.of("prod")) && accounts.bootstrapPasswordUnchanged()) {
            throw new IllegalStateException("The administrator '" + properties.bootstrapAdmin() + "' still has the "
                    + "password generated at first start. Start the service once without the prod profile, sign in "
                    + "and change it (POST /api/account/password); the prod profile refuses to run with it.");
        }
    }

    private void create() {
        String hash = properties.bootstrapAdminPasswordHash();
        if (hash != null && !hash.isBlank()) {
            accounts.create(new Account(properties.bootstrapAdmin(), hash, Role.ADMINISTRATOR, Jurisdiction.NONE,
                    false, true, true));
            return;
        }
        String password = generate();
        boolean created = accounts.create(new Account(properties.bootstrapAdmin(), encoder.encode(password),
                Role.ADMINISTRATOR, Jurisdiction.NONE, true, true, true));
        if (created) {
            console.println("""

                    ============================================================================
                     OCOP: the administrator account '%s' was created with the password

                         %s

                     It is shown this once and stored only as a hash. Sign in and change it
                     (POST /api/account/password) before anything else.
                    ============================================================================
                    """.formatted(properties.bootstrapAdmin(), password));
            // the log (which may be shipped elsewhere) says where the password is, never the password
            LOG.warn("The administrator account '{}' was created with a one-time password, printed once on the "
                    + "console in a framed banner and kept nowhere else; sign in and change it "
                    + "(POST /api/account/password) before anything else", properties.bootstrapAdmin());
        }
    }

    /** A one-time password of {@value #LENGTH} characters without look-alikes (0/O, 1/l/I). */
    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
