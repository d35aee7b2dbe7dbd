package vn.ocop.infra.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The {@code JWT} mode: an external identity provider vouches for the user. A token must be signed by the
 * provider's key (from its JWKS endpoint, its discovery document, or a configured public key), be issued by the
 * configured issuer for one of the configured audiences, and be within its validity; its claims give the
 * user's name, role and jurisdiction, which become an {@link Account} without a password.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ocop.security.mode", havingValue = "JWT")
class TokenAccounts {

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer) {
        OAuth2ResourceServerProperties.Jwt settings = resourceServer.getJwt();
        String issuer = settings.getIssuerUri();
        List<String> audiences = settings.getAudiences();
        if (issuer == null || audiences == null || audiences.isEmpty()) {
            throw new IllegalStateException("The JWT mode needs spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "and .audiences: a token of another issuer or for another audience is never accepted.");
        }
        var validator = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && !Collections.disjoint(aud, audiences)));
        if (settings.getJwkSetUri() != null) {
            return validated(NimbusJwtDecoder.withJwkSetUri(settings.getJwkSetUri()).build(), validator);
        }
        if (settings.getPublicKeyLocation() != null) {
            try (InputStream key = settings.getPublicKeyLocation().getInputStream()) {
                RSAPublicKey publicKey = RsaKeyConverters.x509().convert(key);
                return validated(NimbusJwtDecoder.withPublicKey(publicKey).build(), validator);
            } catch (IOException e) {
                throw new UncheckedIOException("the identity provider's public key could not be read", e);
            }
        }
        // The provider's discovery document is read at the first request, not at start.
        return new SupplierJwtDecoder(() -> validated(NimbusJwtDecoder.withIssuerLocation(issuer).build(), validator));
    }

    private static NimbusJwtDecoder validated(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** Turns a valid token into the account it speaks for. */
    static Converter<Jwt, AbstractAuthenticationToken> accounts(SecurityProperties.Claims claims) {
        return jwt -> {
            String username = Optional.ofNullable(jwt.getClaimAsString(claims.username())).orElse(jwt.getSubject());
            Role role = role(jwt.getClaims().get(claims.role()));
            Account account = new Account(username, "", role == null ? Role.VIEWER : role,
                    new Jurisdiction(jwt.getClaimAsString(claims.province()), jwt.getClaimAsString(claims.district()),
                            jwt.getClaimAsString(claims.commune())), false, false, role != null);
            return new TokenAuthentication(account, jwt, role != null);
        };
    }

    private static Role role(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        for (Object value : values) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(value))) {
                    return role;
                }
            }
        }
        return null;
    }

    /** A bearer's authentication: the account as principal; no authority when the token names no role. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final Account account;
        private final Jwt token;

        TokenAuthentication(Account account, Jwt token, boolean hasRole) {
            super(hasRole ? account.getAuthorities() : List.of());
            this.account = account;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return account;
        }

        @Override
        public String getName() {
            return account.username();
        }
    }
}
