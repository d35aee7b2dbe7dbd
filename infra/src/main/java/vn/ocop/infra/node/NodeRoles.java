package vn.ocop.infra.node;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Brings in each side only on a node that runs it. Without the command role a node has no command endpoints,
 * aggregates or deadline execution; without the query role it starts no event processor (so claims no
 * segment) and serves no view. Infrastructure — database, security, accounts, the web's problem answers — runs
 * on every node.
 */
@Configuration(proxyBeanMethods = false)
public class NodeRoles {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnNodeRole(NodeRole.COMMAND)
    @ComponentScan("vn.ocop.command")
    static class CommandSide {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnNodeRole(NodeRole.QUERY)
    @ComponentScan("vn.ocop.query")
    static class QuerySide {
    }

    /** {@code /actuator/info} names the node's roles, for operators and load balancers. */
    @Bean
    InfoContributor nodeRolesInfo(NodeProperties node) {
        return info -> info.withDetail("roles", node.roles());
    }
}
