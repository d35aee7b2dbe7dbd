package vn.ocop.infra.node;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The roles of this node, {@code ocop.node.roles}: {@code command}, {@code query} or both (the default).
 *
 * @param roles what this node runs; never empty
 */
@ConfigurationProperties("ocop.node")
public record NodeProperties(Set<NodeRole> roles) {

    public NodeProperties {
        roles = roles == null || roles.isEmpty() ? EnumSet.allOf(NodeRole.class) : EnumSet.copyOf(roles);
    }

    public boolean runs(NodeRole role) {
        return roles.contains(role);
    }

    /** The roles as bound from the environment, before any bean exists (for conditions). */
    static NodeProperties of(Environment environment) {
        return new NodeProperties(Binder.get(environment)
                .bind("ocop.node.roles", Bindable.setOf(NodeRole.class)).orElse(null));
    }
}
