package vn.ocop.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard's sign-in session, as both filter chains see it. The dashboard signs in with a form and keeps
 * the account in a session (stored in PostgreSQL, so any node serves it); its pages read the API with that
 * session's cookie. The API itself never opens a session: it reads one a browser brings, and then asks for the
 * CSRF token of the double-submit cookie on every write, which a script on another site cannot read. Clients
 * that send their credentials ({@code Authorization}) are unaffected.
 */
final class DashboardSessions {

    /** The cookie {@code XSRF-TOKEN}, readable by the dashboard's script, echoed as {@code X-XSRF-TOKEN}. */
    static final CsrfTokenRepository CSRF_TOKENS = csrfTokens();

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private DashboardSessions() {
    }

    private static CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    /** The API reads a dashboard session if the request brings one, and never creates or changes one. */
    static SecurityContextRepository apiContexts() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new ReadOnly(sessions));
    }

    /** A write to the API needs the CSRF token when the browser's session, not a credential, signs it. */
    static RequestMatcher apiWritesBySession() {
        return request -> !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() != null;
    }

    /**
     * Reads the signed-in account afresh on every request of a session, as a credential's sign-in does: a
     * disabled or removed account, or one whose password changed since, is signed out at once; a changed role or
     * jurisdiction applies at once.
     */
    static OncePerRequestFilter accountRefresh(Accounts accounts) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (session != null && request.getHeader("Authorization") == null
                        && authentication != null && authentication.getPrincipal() instanceof Account held) {
                    Optional<Account> current = accounts.find(held.username())
                            .filter(account -> account.enabled()
                                    && account.passwordHash().equals(held.passwordHash()));
                    if (current.isEmpty()) {
                        SecurityContextHolder.clearContext();
                        session.invalidate();
                    } else {
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.get(),
                                null, current.get().getAuthorities()));
                        SecurityContextHolder.setContext(context);
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Makes the CSRF token's cookie exist from the first page, so that the sign-in form can send it. */
    static OncePerRequestFilter csrfCookie() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Object token = request.getAttribute(CsrfToken.class.getName());
                if (token instanceof CsrfToken csrf) {
                    csrf.getToken();
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Loads from the session; saves nothing (the API never writes the session). */
    private record ReadOnly(HttpSessionSecurityContextRepository sessions) implements SecurityContextRepository {

        @Override
        @SuppressWarnings("deprecation")
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return sessions.loadContext(holder);
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            return sessions.loadDeferredContext(request);
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return sessions.containsContext(request);
        }
    }
}
