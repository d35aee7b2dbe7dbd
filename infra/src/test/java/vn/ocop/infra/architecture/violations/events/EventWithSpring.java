package vn.ocop.infra.architecture.violations.events;

import org.springframework.util.StringUtils;

public record EventWithSpring(String id) {
    public EventWithSpring {
        id = StringUtils.trimWhitespace(id);
    }
}
