package vn.ocop.infra.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.ocop.infra.loopback.LoopbackApi;
import vn.ocop.infra.node.ConditionalOnNodeRole;
import vn.ocop.infra.node.NodeRole;
import vn.ocop.infra.scheduling.DeadlineHold;
import vn.ocop.infra.security.Account;
import vn.ocop.infra.security.Accounts;
import vn.ocop.infra.security.Jurisdiction;
import vn.ocop.infra.security.Role;

/**
 * With {@code ocop.demo.enabled=true}, a fresh service fills itself with a fictional Kon Tum programme
 * ({@link DemoStory}) through its own command API, so that all of it is events, stamped with the account
 * {@value #ACCOUNT}, which signs in only for the load and is disabled after it. A database that already holds
 * the demo is left as it is. Deadlines fire once the load is over, so that certificates recognised years ago
 * lapse, are noticed and are renewed in their order.
 */
@Component
@ConditionalOnProperty(name = "ocop.demo.enabled", havingValue = "true")
@ConditionalOnNodeRole(NodeRole.COMMAND)
public class DemoProgramme implements DeadlineHold {

    /** The account the demo's commands are recorded under. */
    public static final String ACCOUNT = "demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoProgramme.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final JdbcTemplate jdbc;
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private volatile DemoStory.Outcome outcome;

    DemoProgramme(Accounts accounts, PasswordEncoder encoder, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    @Override
    public CompletableFuture<Void> released() {
        return loaded;
    }

    /** What the load did, once it is over; null before. */
    public DemoStory.Outcome outcome() {
        return outcome;
    }

    @EventListener
    void load(ApplicationReadyEvent ready) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from domain_event_entry
                               where convert_from(meta_data, 'UTF8')::jsonb ->> 'user' = ?)""", Boolean.class,
                ACCOUNT))) {
            LOG.info("demo programme already loaded");
            loaded.complete(null);
            return;
        }
        int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
        String password = password();
        Jurisdiction province = new Jurisdiction("51", null, null);
        if (!accounts.create(new Account(ACCOUNT, encoder.encode(password), Role.PROVINCE_OFFICER, province, false,
                false, true))) {
            // left from a load that did not finish
            accounts.setPassword(ACCOUNT, encoder.encode(password), false);
            accounts.update(ACCOUNT, Role.PROVINCE_OFFICER, province, true);
        }
        Thread loader = new Thread(() -> {
            long started = System.nanoTime();
            try {
                outcome = new DemoStory(LoopbackApi.signedIn("http://127.0.0.1:" + port, ACCOUNT, password)).tell();
                LOG.info("demo programme loaded in {} s: {}",
                        Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0, outcome);
            } catch (RuntimeException failure) {
                LOG.error("demo programme not loaded", failure);
            } finally {
                accounts.update(ACCOUNT, Role.PROVINCE_OFFICER, province, false);
                loaded.complete(null);
            }
        }, "demo-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private static String password() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
