package vn.ocop.infra.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** The annotated configuration or bean exists only on a node that runs {@link #value()}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnNodeRoleCondition.class)
public @interface ConditionalOnNodeRole {

    NodeRole value();
}
