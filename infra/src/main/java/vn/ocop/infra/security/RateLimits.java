package vn.ocop.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ocop.infra.web.ProblemResponses;
import vn.ocop.infra.web.WebProblem;

/**
 * Token buckets per account and per address: failed sign-ins, with a credential or the dashboard's form (so that
 * passwords cannot be guessed at speed), and
 * writes (so that one client cannot crowd out the others). Past a limit the answer is 429 with
 * {@code Retry-After}; the bucket refills with time. Buckets live in this node's memory: with several nodes
 * the limits hold per node.
 */
final class RateLimits {

    /**
     * The limits.
     *
     * @param failedSignIns failed sign-ins allowed per account name and per address…
     * @param failedSignInsPer …within this time
     * @param writes        commands allowed per account and per address…
     * @param writesPer     …within this time
     */
    @ConfigurationProperties("ocop.security.rate-limits")
    record Settings(@DefaultValue("10") long failedSignIns, @DefaultValue("1m") Duration failedSignInsPer,
                    @DefaultValue("300") long writes, @DefaultValue("10s") Duration writesPer) {
    }

    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");
    private static final String FAILED = RateLimits.class.getName() + ".failed";

    private final Settings settings;
    private final ObjectMapper json;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(1, TimeUnit.HOURS).build();

    RateLimits(Settings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** Before authentication: refuses a sign-in whose name or address used up its failures; counts new ones. */
    OncePerRequestFilter signIns() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                boolean form = isFormSignIn(request);
                String name = form ? String.valueOf(request.getParameter("username")) : basicUsername(request);
                if (name == null) {
                    chain.doFilter(request, response);
                    return;
                }
                Bucket byName = signInBucket("name:" + name);
                Bucket byAddress = signInBucket("address:" + request.getRemoteAddr());
                long wait = Math.max(waitNanos(byName), waitNanos(byAddress));
                if (wait > 0) {
                    if (form) {
                        response.sendRedirect(SecurityConfiguration.SIGN_IN_PAGE + "?error=too-many&retry="
                                + seconds(wait));
                    } else {
                        tooMany(response, wait);
                    }
                    return;
                }
                chain.doFilter(request, response);
                if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED || request.getAttribute(FAILED) != null) {
                    byName.tryConsume(1);
                    byAddress.tryConsume(1);
                }
            }
        };
    }

    /** After authentication: counts a write against its account and its address. */
    OncePerRequestFilter writes() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (!WRITES.contains(request.getMethod()) || authentication == null
                        || !authentication.isAuthenticated()) {
                    chain.doFilter(request, response);
                    return;
                }
                ConsumptionProbe byAccount = writeBucket("account:" + authentication.getName())
                        .tryConsumeAndReturnRemaining(1);
                ConsumptionProbe byAddress = writeBucket("write-address:" + request.getRemoteAddr())
                        .tryConsumeAndReturnRemaining(1);
                if (!byAccount.isConsumed() || !byAddress.isConsumed()) {
                    tooMany(response, Math.max(byAccount.getNanosToWaitForRefill(),
                            byAddress.getNanosToWaitForRefill()));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private Bucket signInBucket(String key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(settings.failedSignIns())
                .refillGreedy(settings.failedSignIns(), settings.failedSignInsPer()).build()).build());
    }

    private Bucket writeBucket(String key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(settings.writes())
                .refillGreedy(settings.writes(), settings.writesPer()).build()).build());
    }

    /** How long until the bucket holds a token again; 0 when it holds one now. */
    private static long waitNanos(Bucket bucket) {
        return bucket.getAvailableTokens() > 0 ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    /** Marks a request as a failed sign-in of the dashboard's form (which answers with a redirect, not a 401). */
    static void failedSignIn(HttpServletRequest request) {
        request.setAttribute(FAILED, Boolean.TRUE);
    }

    private static boolean isFormSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static long seconds(long waitNanos) {
        return Math.max(1, (long) Math.ceil(waitNanos / 1_000_000_000.0));
    }

    private void tooMany(HttpServletResponse response, long waitNanos) throws IOException {
        long seconds = seconds(waitNanos);
        response.setHeader("Retry-After", Long.toString(seconds));
        ProblemResponses.write(response, json, ProblemResponses.problemOf(WebProblem.TOO_MANY_REQUESTS,
                "Too many requests", "Quá nhiều yêu cầu",
                "Too many requests from this account or address; retry after " + seconds + " s.",
                "Quá nhiều yêu cầu từ tài khoản hoặc địa chỉ này; hãy thử lại sau " + seconds + " giây."));
    }

    /** The account name a Basic sign-in names, or null. */
    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "(malformed)";
        }
    }
}
