package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.TestDatabase;

/** A proven password is not bcrypt-checked again, but a changed hash, a wrong password or a disabled account is. */
class PasswordSignInTest {

    @Test
    void aProvenMatchIsRememberedUntilTheStoredHashChanges() {
        TestAccounts.store();
        TestDatabase.Connection database = TestDatabase.get();
        Accounts accounts = new Accounts(new JdbcTemplate(new DriverManagerDataSource(database.url(),
                database.username(), database.password())), Clock.systemUTC());
        AtomicInteger checks = new AtomicInteger();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        PasswordEncoder counting = new PasswordEncoder() {
            public String encode(CharSequence raw) {
                return "{bcrypt}" + bcrypt.encode(raw);
            }

            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return bcrypt.matches(raw, encoded.replace("{bcrypt}", ""));
            }
        };
        PasswordSignIn signIn = new PasswordSignIn(accounts, counting, Duration.ofMinutes(5));
        String name = "dang.nhap." + System.nanoTime();
        accounts.create(new Account(name, counting.encode("mật khẩu thứ nhất"), Role.VIEWER, Jurisdiction.NONE,
                false, false, true));

        for (int i = 0; i < 5; i++) {
            assertThat(signIn.authenticate(token(name, "mật khẩu thứ nhất")).getName()).isEqualTo(name);
        }
        assertThat(checks).hasValue(1);
        assertThatThrownBy(() -> signIn.authenticate(token(name, "sai"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);

        accounts.setPassword(name, counting.encode("mật khẩu thứ hai"), false);
        assertThatThrownBy(() -> signIn.authenticate(token(name, "mật khẩu thứ nhất")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn.authenticate(token(name, "mật khẩu thứ hai")).getName()).isEqualTo(name);

        accounts.update(name, Role.VIEWER, Jurisdiction.NONE, false);
        assertThatThrownBy(() -> signIn.authenticate(token(name, "mật khẩu thứ hai")))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> signIn.authenticate(token("khong.co." + name, "x")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static UsernamePasswordAuthenticationToken token(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
