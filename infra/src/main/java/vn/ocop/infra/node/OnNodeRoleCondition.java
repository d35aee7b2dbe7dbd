package vn.ocop.infra.node;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code ocop.node.roles} includes the role named by {@link ConditionalOnNodeRole}. */
class OnNodeRoleCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        NodeRole role = (NodeRole) metadata.getAnnotationAttributes(ConditionalOnNodeRole.class.getName())
                .get("value");
        NodeProperties node = NodeProperties.of(context.getEnvironment());
        return node.runs(role)
                ? ConditionOutcome.match("this node runs the " + role + " role")
                : ConditionOutcome.noMatch("this node's roles are " + node.roles());
    }
}
