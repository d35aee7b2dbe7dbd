package vn.ocop.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a name and password against the accounts, as every HTTP Basic request asks. A bcrypt check costs tens
 * of milliseconds by design; this node remembers, for a few minutes and only in memory, that a password matched
 * a stored hash — as a keyed hash (HMAC with a key born and dying with the process) of the name, the stored hash
 * and the password. The account is read afresh on every request, so a changed password, role or standing takes
 * effect at once on every node; only a match already proven is not proven again.
 */
class PasswordSignIn implements AuthenticationProvider {

    /** Checked when the name is unknown, so that the answer takes as long as for a known one. */
    private static final String NOBODY = "{bcrypt}$2a$10$4m7NC/P34iQyL2CPb6V0Vu6PevNp.IYU1/SH8miXLnaGrapHgLEBq";

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final SecretKeySpec key;
    private final Cache<String, Boolean> proven;

    PasswordSignIn(Accounts accounts, PasswordEncoder encoder, Duration remembered) {
        this.accounts = accounts;
        this.encoder = encoder;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.proven = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(100_000).build();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        Account account = accounts.find(name).orElse(null);
        if (account == null) {
            encoder.matches(password, NOBODY);
            throw new BadCredentialsException("bad credentials");
        }
        String proof = proof(name, account.passwordHash(), password);
        if (proven.getIfPresent(proof) == null) {
            if (!encoder.matches(password, account.passwordHash())) {
                throw new BadCredentialsException("bad credentials");
            }
            proven.put(proof, Boolean.TRUE);
        }
        if (!account.enabled()) {
            throw new DisabledException("account disabled");
        }
        return UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String proof(String name, String hash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((name + '\n' + hash + '\n').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
