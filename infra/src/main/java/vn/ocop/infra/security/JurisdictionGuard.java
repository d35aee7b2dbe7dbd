package vn.ocop.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.ocop.command.common.Reach;
import vn.ocop.infra.web.ProblemResponses;
import vn.ocop.reference.AdministrativeUnits;

/**
 * For an officer bound to a province, a district or a commune, a command on a subject, product or grant that does not
 * exist or lies elsewhere answers 404 before its body is even read — so that an invalid body cannot tell an
 * unknown id (otherwise 400) from another jurisdiction's (404). The aggregates check the same rule again on
 * every command path. Where a record lies is read from what the command side writes in its own transactions:
 * the subject's standing row, the product's registration event, the grant's commitment.
 */
@Component
class JurisdictionGuard implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern RECORD = Pattern.compile("^/api/(subjects|products|support-grants)/([^/]+)(/.*)?$");
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final boolean oneProvince;

    JurisdictionGuard(JdbcTemplate jdbc, ObjectMapper json, AdministrativeUnits units) {
        this.jdbc = jdbc;
        this.json = json;
        // with one province served every record lies in it: its officers need no look-up
        this.oneProvince = units.provinces().size() == 1;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/subjects/**", "/api/products/**",
                "/api/support-grants/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!WRITES.contains(request.getMethod()) || authentication == null
                || !(authentication.getPrincipal() instanceof Account account)
                || !(account.role() == Role.PROVINCE_OFFICER && !oneProvince
                || account.role() == Role.DISTRICT_OFFICER || account.role() == Role.COMMUNE_OFFICER)) {
            return true;
        }
        Matcher record = RECORD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!record.matches()) {
            return true;
        }
        Optional<String> commune = communeOf(record.group(1), record.group(2));
        if (commune.isPresent() && Reach.reaches(account.jurisdictionLabel(), commune.get())) {
            return true;
        }
        ProblemResponses.write(response, json, ProblemResponses.noSuchRecord());
        return false;
    }

    private Optional<String> communeOf(String kind, String id) {
        String sql = switch (kind) {
            case "subjects" -> "select commune_code from subject_standing where subject_id = ?";
            case "products" -> """
                    select convert_from(payload, 'UTF8')::jsonb ->> 'communeCode' from domain_event_entry
                    where aggregate_identifier = ? and sequence_number = 0 and type = 'Product'""";
            default -> "select commune_code from support_commitment where grant_id = ?";
        };
        return jdbc.queryForList(sql, String.class, id).stream().findFirst();
    }
}
