package vn.ocop.infra.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The accounts table. */
@Component
public class Accounts implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Accounts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Account loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    public Optional<Account> find(String username) {
        return jdbc.query("select * from account where username = ?", Accounts::account, username).stream()
                .findFirst();
    }

    public List<Account> all() {
        return jdbc.query("select * from account order by username", Accounts::account);
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from account", Long.class);
        return count == null ? 0 : count;
    }

    /** Creates the account; false when the name is taken. */
    public boolean create(Account account) {
        return jdbc.update("""
                insert into account (username, password_hash, role, province_code, district_code, commune_code,
                                     must_change_password, bootstrap, enabled, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (username) do nothing""",
                account.username(), account.passwordHash(), account.role().name(),
                account.jurisdiction().provinceCode(), account.jurisdiction().districtCode(),
                account.jurisdiction().communeCode(), account.mustChangePassword(), account.bootstrap(),
                account.enabled(), clock.instant().atOffset(ZoneOffset.UTC)) == 1;
    }

    /** Sets a new password hash; {@code mustChange} when an administrator set it for the user. */
    public void setPassword(String username, String passwordHash, boolean mustChange) {
        jdbc.update("""
                update account set password_hash = ?, must_change_password = ?, password_changed_at = ?
                where username = ?""",
                passwordHash, mustChange, clock.instant().atOffset(ZoneOffset.UTC), username);
    }

    public void update(String username, Role role, Jurisdiction jurisdiction, boolean enabled) {
        jdbc.update("""
                update account set role = ?, province_code = ?, district_code = ?, commune_code = ?, enabled = ?
                where username = ?""",
                role.name(), jurisdiction.provinceCode(), jurisdiction.districtCode(), jurisdiction.communeCode(),
                enabled, username);
    }

    /** Whether the bootstrap administrator still has the password it was created with. */
    public boolean bootstrapPasswordUnchanged() {
        Boolean unchanged = jdbc.queryForObject(
                "select exists (select 1 from account where bootstrap and must_change_password)", Boolean.class);
        return Boolean.TRUE.equals(unchanged);
    }

    private static Account account(ResultSet row, int n) throws SQLException {
        return new Account(row.getString("username"), row.getString("password_hash"),
                Role.valueOf(row.getString("role")),
                new Jurisdiction(row.getString("province_code"), row.getString("district_code"),
                        row.getString("commune_code")),
                row.getBoolean("must_change_password"), row.getBoolean("bootstrap"), row.getBoolean("enabled"));
    }
}
