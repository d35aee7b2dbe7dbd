package vn.ocop.infra.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The public pages carry an ETag of their content, so that a browser or a cache that already holds the answer
 * gets 304 and no body.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/public/*");
        registration.setName("publicEtags");
        return registration;
    }
}
