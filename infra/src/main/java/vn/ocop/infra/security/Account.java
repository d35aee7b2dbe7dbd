package vn.ocop.infra.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A built-in account as Spring Security sees it: never carries more of the password than its hash. */
public record Account(String username, String passwordHash, Role role, Jurisdiction jurisdiction,
                      boolean mustChangePassword, boolean bootstrap, boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** How the audit trail and the command side name where the account acts; the ministry acts centrally. */
    public String jurisdictionLabel() {
        return role == Role.MINISTRY_OFFICER ? vn.ocop.command.common.Reach.CENTRAL : jurisdiction.label();
    }

    /** Without the hash: what the account endpoints show. */
    public Summary summary() {
        return new Summary(username, role, jurisdiction, mustChangePassword, enabled);
    }

    public record Summary(String username, Role role, Jurisdiction jurisdiction, boolean mustChangePassword,
                          boolean enabled) {
    }
}
