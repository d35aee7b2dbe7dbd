package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The matrix in docs/security.md is the one the service enforces. */
class SecurityDocTest {

    @Test
    void theDocumentedMatrixIsTheEnforcedOne() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "security.md"));
        String documented = doc.substring(doc.indexOf("<!-- matrix:start -->\n") + "<!-- matrix:start -->\n".length(),
                doc.indexOf("<!-- matrix:end -->"));
        assertThat(documented).isEqualTo(AccessRules.markdown());
    }
}
