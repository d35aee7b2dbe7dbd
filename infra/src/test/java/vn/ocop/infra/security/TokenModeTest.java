package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.StoredEvents;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.TestAccounts;

/**
 * The JWT mode with tokens minted here, as an identity provider would: a valid token speaks for its bearer's
 * role and jurisdiction; any token that is expired, not yet valid, of another issuer or audience, unsigned,
 * tampered with or signed by an unknown key is refused with a 401 problem.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TokenModeTest extends ServiceTest {

    private static final String ISSUER = "https://dang-nhap.kontum.example/realms/ocop";
    private static final String AUDIENCE = "ocop-api";
    private static final RSAKey PROVIDER = key("provider");
    private static final RSAKey STRANGER = key("stranger");

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        registry.add("ocop.security.mode", () -> "JWT");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + publicKeyFile(PROVIDER));
    }

    @Test
    void aValidTokenSpeaksForItsBearersRoleAndJurisdiction() {
        String officer = token(PROVIDER, claims -> claims);
        JsonNode me = Http.get(url("/api/account"), bearer(officer)).json();
        assertThat(me.get("username").asText()).isEqualTo("nguyen.van.a");
        assertThat(me.get("role").asText()).isEqualTo("DISTRICT_OFFICER");
        assertThat(me.at("/jurisdiction/districtCode").asText()).isEqualTo(TestAccounts.DISTRICT);
        assertThat(Http.get(url("/api/audit/events"), bearer(officer)).status()).isEqualTo(403);

        Http.Response registered = Http.post(url("/api/subjects"), "application/json",
                Subjects.registration(Subjects.uniqueRegistrationNumber()), bearer(officer));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode metadata = StoredEvents.of(jdbc, registered.json().get("id").asText()).get(0).metadata();
        assertThat(metadata.get("user").asText()).isEqualTo("nguyen.van.a");
        assertThat(metadata.get("role").asText()).isEqualTo("DISTRICT_OFFICER");
        assertThat(metadata.get("jurisdiction").asText()).isEqualTo("district:" + TestAccounts.DISTRICT);

        String auditor = token(PROVIDER, claims -> claims.claim("ocop_role", List.of("offline_access", "auditor")));
        assertThat(Http.get(url("/api/audit/events?size=1"), bearer(auditor)).status()).isEqualTo(200);
        String nobody = token(PROVIDER, claims -> claims.claim("ocop_role", "janitor"));
        assertThat(Http.get(url("/api/dashboard/overview"), bearer(nobody)).status()).isEqualTo(403);
    }

    @Test
    void everyFlawedTokenIsRefusedWithA401Problem() {
        Instant now = Instant.now();
        Map<String, String> flawed = Map.of(
                "expired", token(PROVIDER, claims -> claims.expirationTime(Date.from(now.minusSeconds(600)))
                        .issueTime(Date.from(now.minusSeconds(1200)))),
                "not yet valid", token(PROVIDER, claims -> claims.notBeforeTime(Date.from(now.plusSeconds(600)))),
                "another issuer", token(PROVIDER, claims -> claims.issuer("https://idp.example/other")),
                "another audience", token(PROVIDER, claims -> claims.audience("someone-else")),
                "alg none", new PlainJWT(claims(now).build()).serialize(),
                "tampered signature", tampered(token(PROVIDER, claims -> claims)),
                "unknown key", token(STRANGER, claims -> claims),
                "not a token", "not.a.token");
        flawed.forEach((flaw, token) -> {
            Http.Response response = Http.get(url("/api/dashboard/overview"), bearer(token));
            assertThat(response.status()).as(flaw).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(flaw).startsWith("Bearer");
            assertThat(response.json().get("type").asText()).as(flaw).isEqualTo("urn:ocop:problem:unauthenticated");
        });
        assertThat(Http.get(url("/api/dashboard/overview"), Map.of("Authorization",
                TestAccounts.administrator().basic())).status()).as("Basic in JWT mode").isEqualTo(401);
        assertThat(Http.get(url("/api/dashboard/overview"), Map.of("Authorization", Http.ANONYMOUS)).status())
                .isEqualTo(401);
    }

    private static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(List.of(AUDIENCE, "account")).subject("3f1c-officer")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", "nguyen.van.a").claim("ocop_role", "DISTRICT_OFFICER")
                .claim("ocop_province", "62").claim("ocop_district", TestAccounts.DISTRICT);
    }

    private static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    change.apply(claims(Instant.now())).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same signature over a payload that now claims the administrator's role. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("DISTRICT_OFFICER", "ADMINISTRATOR");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
                + parts[2];
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile(RSAKey key) {
        try {
            Path file = Files.createTempFile("identity-provider", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.toPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
