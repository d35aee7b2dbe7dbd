package vn.ocop.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ocop.infra.database.DatabaseOutage;

/**
 * Answers 503 for a database outage met outside a controller — reading the signed-in account, for one — where
 * {@link ProblemResponses} cannot see it. Sits just inside the correlation filter, before security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    DatabaseOutageFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (!DatabaseOutage.causes(failure) || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemResponses.DATABASE_RETRY_AFTER_SECONDS);
            ProblemResponses.write(response, json, ProblemResponses.databaseUnavailable());
        }
    }
}
