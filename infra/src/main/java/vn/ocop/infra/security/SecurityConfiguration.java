package vn.ocop.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ocop.infra.web.ProblemResponses;
import vn.ocop.infra.web.WebProblem;

/**
 * The API's security: HTTP Basic against the built-in accounts (or, in {@code JWT} mode, bearer tokens of an
 * identity provider, see {@link TokenAccounts}), no session of its own (a request carries its credentials, or
 * the dashboard's session and then, to write, its CSRF token: see {@link DashboardSessions}), the access rules of
 * {@link AccessRules} and nothing else (deny by default), failures as RFC 9457 problems, and the browser
 * security headers. CORS is closed unless {@code ocop.security.cors-allowed-origins} names the origins allowed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(RateLimits.Settings.class)
class SecurityConfiguration {

    /** The dashboard's sign-in page. */
    static final String SIGN_IN_PAGE = "/ui/login.html";
    /** What the dashboard's filter chain answers; everything else is the API's. */
    static final String[] DASHBOARD_PATHS = {"/", "/index.html", "/login", "/logout", "/ui/**", "/webjars/**"};
    /** Scripts, styles, the sign-in page: the same for everybody, so open. */
    static final String[] DASHBOARD_ASSETS = {"/ui/**", "/webjars/**"};
    /** Nothing from another origin, no inline script; the charts set inline styles. */
    static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String REALM = "OCOP";
    private static final String BASIC = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    /** Hashes new passwords with bcrypt and still reads any hash tagged with another encoder's id. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Name and password against the accounts, remembering proven matches for a few minutes (see the class). */
    @Bean
    PasswordSignIn passwordSignIn(Accounts accounts, PasswordEncoder encoder) {
        return new PasswordSignIn(accounts, encoder, Duration.ofMinutes(5));
    }

    /**
     * The dashboard's pages and sign-in: a form, a session kept in the database, CSRF tokens, and a content
     * policy that lets a page load nothing from anywhere but this service. The pages hold no data; they read it
     * from the API with the session.
     */
    @Bean
    @Order(1)
    SecurityFilterChain dashboard(HttpSecurity http, RateLimits rateLimits, Accounts accounts) throws Exception {
        http.securityMatcher(DASHBOARD_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(DASHBOARD_ASSETS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE).loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, failure) -> {
                            RateLimits.failedSignIn(request);
                            response.sendRedirect(SIGN_IN_PAGE + "?error=credentials");
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(SIGN_IN_PAGE + "?signed-out"))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(DashboardSessions.CSRF_TOKENS)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(DASHBOARD_POLICY)))
                .addFilterAfter(DashboardSessions.csrfCookie(), CsrfFilter.class)
                .addFilterAfter(DashboardSessions.accountRefresh(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(rateLimits.signIns(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    RateLimits rateLimits(RateLimits.Settings limits, ObjectMapper json) {
        return new RateLimits(limits, json);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, SecurityProperties properties,
                            RateLimits rateLimits, Accounts accounts) throws Exception {
        if (properties.mode() == SecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(tokens -> tokens
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(TokenAccounts.accounts(properties.claims())))
                    .authenticationEntryPoint((request, response, failure) -> unauthenticated(response, json,
                            "Bearer error=\"invalid_token\"")));
        } else {
            http.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(
                    (request, response, failure) -> unauthenticated(response, json, BASIC)));
        }
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(AccessRules.PUBLIC.toArray(String[]::new)).permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        requests.requestMatchers(rule.method(), rule.pattern()).hasAnyAuthority(
                                rule.roles().stream().map(Role::authority).toArray(String[]::new));
                    }
                    requests.anyRequest().denyAll();
                })
                .exceptionHandling(failures -> failures
                        .authenticationEntryPoint((request, response, failure) -> unauthenticated(response, json,
                                properties.mode() == SecurityProperties.Mode.JWT ? "Bearer" : BASIC))
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(response, json,
                                ProblemResponses.problemOf(WebProblem.FORBIDDEN, "Forbidden", "Không có quyền",
                                        "This account's role may not do this.",
                                        "Vai trò của tài khoản này không được phép thực hiện thao tác này."))))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(DashboardSessions.apiContexts()))
                .csrf(csrf -> csrf.csrfTokenRepository(DashboardSessions.CSRF_TOKENS)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(DashboardSessions.apiWritesBySession()))
                .addFilterAfter(DashboardSessions.accountRefresh(accounts), SecurityContextHolderFilter.class)
                .cors(Customizer.withDefaults())
                .headers(Customizer.withDefaults())
                .addFilterBefore(rateLimits.signIns(), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(json), BasicAuthenticationFilter.class)
                .addFilterAfter(rateLimits.writes(), AuthorizationFilter.class);
        return http.build();
    }

    /** CORS for the configured origins only; with none, no other site's page may call the API. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(properties.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key", "If-Match",
                    "If-None-Match", "X-Correlation-Id"));
            cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Correlation-Id"));
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", cors);
            source.registerCorsConfiguration("/public/**", cors);
        }
        return source;
    }

    private static void unauthenticated(HttpServletResponse response, ObjectMapper json, String challenge)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        ProblemResponses.write(response, json, ProblemResponses.problemOf(WebProblem.UNAUTHENTICATED, "Unauthenticated",
                "Chưa xác thực", "Sign in: this request carries no valid credentials.",
                "Vui lòng đăng nhập: yêu cầu không có thông tin xác thực hợp lệ."));
    }

    /** An account that must change its password may do nothing else until it has. */
    private static final class PasswordChangeGate extends OncePerRequestFilter {

        private final ObjectMapper json;

        PasswordChangeGate(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Account account
                    && account.mustChangePassword() && !ownAccount(request)) {
                ProblemResponses.write(response, json, ProblemResponses.problemOf(WebProblem.PASSWORD_CHANGE_REQUIRED,
                        "Password change required", "Cần đổi mật khẩu",
                        "Change this account's password (POST /api/account/password) before anything else.",
                        "Hãy đổi mật khẩu của tài khoản (POST /api/account/password) trước khi làm việc khác."));
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean ownAccount(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return (path.equals("/api/account") && HttpMethod.GET.matches(request.getMethod()))
                    || (path.equals("/api/account/password") && HttpMethod.POST.matches(request.getMethod()));
        }
    }
}
