package vn.ocop.infra.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The imports this node is recording. A command that arrives marked with one of them ({@value ListImport#MARK}:
 * {@code <import id>:<row>}) is recorded with the metadata {@code import} and {@code importRow}, so that the
 * audit shows which list and row it came from; a mark naming no running import is ignored.
 */
@Component
public class ImportMarks {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    void started(String importId) {
        running.add(importId);
    }

    void ended(String importId) {
        running.remove(importId);
    }

    /** The metadata for a request's mark, or none. */
    public Map<String, Object> of(HttpServletRequest request) {
        String mark = request.getHeader(ListImport.MARK);
        if (mark == null || mark.indexOf(':') < 0) {
            return Map.of();
        }
        String importId = mark.substring(0, mark.indexOf(':'));
        return running.contains(importId) ? Map.of("import", importId, "importRow", mark.substring(mark.indexOf(':') + 1))
                : Map.of();
    }
}
