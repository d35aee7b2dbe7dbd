package vn.ocop.infra;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import vn.ocop.infra.security.Jurisdiction;
import vn.ocop.infra.security.Role;

/**
 * One account per role for the tests, with passwords made up at run time and stored as bcrypt hashes (of a
 * low cost: a hash check per request would otherwise dominate the suite). The officers act in the province,
 * the district and the commune of the tests' products (commune 23374, district 610, province 51); the tests'
 * deployment also serves province 48 (Đà Nẵng), whose own province officer is {@link #otherProvince()}.
 */
public final class TestAccounts {

    /** Who a test acts as. */
    public record Credentials(String username, String password, Role role, Jurisdiction jurisdiction) {

        /** A bcrypt hash of the password, of low cost. */
        public String passwordHash() {
            return "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
        }

        public String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final String COMMUNE = "23374";
    public static final String DISTRICT = "610";
    /** The second province of the tests' deployment (ocop.provinces=51,48). */
    public static final String OTHER_PROVINCE_CODE = "48";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Role, Credentials> ACCOUNTS = new EnumMap<>(Role.class);
    private static boolean stored;

    static {
        add(Role.ADMINISTRATOR, "quan.tri", Jurisdiction.NONE);
        add(Role.PROVINCE_OFFICER, "can.bo.tinh", new Jurisdiction("51", null, null));
        add(Role.DISTRICT_OFFICER, "can.bo.huyen", new Jurisdiction("51", DISTRICT, null));
        add(Role.COMMUNE_OFFICER, "can.bo.xa", new Jurisdiction("51", DISTRICT, COMMUNE));
        add(Role.MINISTRY_OFFICER, "can.bo.bo", Jurisdiction.NONE);
        add(Role.COUNCIL_SECRETARY, "thu.ky.hoi.dong", Jurisdiction.NONE);
        add(Role.AUDITOR, "kiem.toan", Jurisdiction.NONE);
        add(Role.VIEWER, "xem.bao.cao", Jurisdiction.NONE);
    }

    /** A province officer of the other province the tests' deployment serves, 48. */
    private static final Credentials OTHER_PROVINCE = credentials(Role.PROVINCE_OFFICER, "can.bo.tinh.da.nang",
            new Jurisdiction(OTHER_PROVINCE_CODE, null, null));

    private TestAccounts() {
    }

    /** The province officer of province 48. */
    public static Credentials otherProvince() {
        return OTHER_PROVINCE;
    }

    public static Credentials of(Role role) {
        return ACCOUNTS.get(role);
    }

    /** The administrator, as whom the tests act unless they say otherwise. */
    public static Credentials administrator() {
        return ACCOUNTS.get(Role.ADMINISTRATOR);
    }

    /** Stores the accounts in the shared test database (migrating it first), once per JVM. */
    public static synchronized void store() {
        if (stored) {
            return;
        }
        TestDatabase.Connection database = TestDatabase.get();
        Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password());
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into account (username, password_hash, role, province_code, district_code, commune_code,
                                          must_change_password, bootstrap, enabled, created_at)
                     values (?, ?, ?, ?, ?, ?, false, false, true, now())
                     on conflict (username) do update set password_hash = excluded.password_hash,
                         must_change_password = false, enabled = true""")) {
            for (Credentials account : java.util.stream.Stream.concat(ACCOUNTS.values().stream(),
                    java.util.stream.Stream.of(OTHER_PROVINCE)).toList()) {
                upsert.setString(1, account.username());
                upsert.setString(2, account.passwordHash());
                upsert.setString(3, account.role().name());
                upsert.setString(4, account.jurisdiction().provinceCode());
                upsert.setString(5, account.jurisdiction().districtCode());
                upsert.setString(6, account.jurisdiction().communeCode());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the test accounts could not be stored", e);
        }
        stored = true;
    }

    private static void add(Role role, String username, Jurisdiction jurisdiction) {
        ACCOUNTS.put(role, credentials(role, username, jurisdiction));
    }

    private static Credentials credentials(Role role, String username, Jurisdiction jurisdiction) {
        byte[] password = new byte[18];
        RANDOM.nextBytes(password);
        return new Credentials(username, Base64.getUrlEncoder().withoutPadding().encodeToString(password), role,
                jurisdiction);
    }
}
