package vn.ocop.command.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The support policies in force: the bundled Kon Tum-like defaults, or the file named by
 * {@code ocop.support.policies} (any Spring resource location, e.g. {@code file:/etc/ocop/policies.json}).
 */
@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

    @Bean
    SupportPolicies supportPolicies(@Value("${ocop.support.policies:classpath:" + SupportPolicies.BUNDLED + "}")
                                    Resource policies) {
        try (InputStream in = policies.getInputStream()) {
            return SupportPolicies.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("support policies not readable from " + policies, e);
        }
    }
}
