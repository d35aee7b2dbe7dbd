package vn.ocop.infra.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts' settings.
 *
 * @param bootstrapAdmin             the name of the administrator created at first start
 * @param bootstrapAdminPasswordHash a password hash for it (e.g. {@code {bcrypt}$2a$…}) instead of a generated
 *                                   password printed once; an operator's own choice, so no change is demanded
 * @param mode                       {@code ACCOUNTS} (HTTP Basic against the built-in accounts) or {@code JWT}
 *                                   (bearer tokens of an OpenID Connect provider, {@code spring.security.oauth2.
 *                                   resourceserver.jwt.*})
 * @param claims                     in {@code JWT} mode, the claims that carry the user, role and jurisdiction
 * @param corsAllowedOrigins         the web origins (e.g. {@code https://ocop.kontum.gov.vn}) whose pages may call
 *                                   the API from a browser; none by default
 */
@ConfigurationProperties("ocop.security")
public record SecurityProperties(@DefaultValue("ACCOUNTS") Mode mode,
                                 @DefaultValue("admin") String bootstrapAdmin, String bootstrapAdminPasswordHash,
                                 @DefaultValue Claims claims,
                                 @DefaultValue List<String> corsAllowedOrigins) {

    /** Who vouches for a request's user: the built-in accounts, or an external identity provider's tokens. */
    public enum Mode { ACCOUNTS, JWT }

    /**
     * Where a token says who its bearer is: the user's name, the role (a string, or a list whose first role of
     * the programme counts) and the jurisdiction's codes.
     */
    public record Claims(@DefaultValue("preferred_username") String username, @DefaultValue("ocop_role") String role,
                         @DefaultValue("ocop_province") String province, @DefaultValue("ocop_district") String district,
                         @DefaultValue("ocop_commune") String commune) {
    }
}
