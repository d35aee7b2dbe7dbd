package vn.ocop.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of architecture.md as rules over a root package, so that they can be checked on the
 * product ({@code vn.ocop}) and shown to fail on deliberately broken code.
 */
final class ModuleRules {

    private ModuleRules() {
    }

    static ArchRule commandSideDoesNotDependOnQuerySide(String root) {
        return noClasses().that().resideInAPackage(root + ".command..")
                .should().dependOnClassesThat().resideInAPackage(root + ".query..")
                .because("the command side never reads the query side's model");
    }

    static ArchRule querySideDoesNotDependOnCommandSide(String root) {
        return noClasses().that().resideInAPackage(root + ".query..")
                .should().dependOnClassesThat().resideInAPackage(root + ".command..")
                .because("the query side never sends commands or reads aggregates");
    }

    /** The event contract is plain Java, Jackson's annotations and Axon's {@code @Revision}; nothing else. */
    static ArchRule sharedEventsStayPlainJava(String root) {
        return classes().that().resideInAPackage(root + ".events..")
                .should().onlyDependOnClassesThat(allowedInTheEventContract(root))
                .because("events are the long-lived contract both sides read");
    }

    private static DescribedPredicate<JavaClass> allowedInTheEventContract(String root) {
        return DescribedPredicate.describe("plain Java, the contract itself, Jackson annotations or @Revision",
                type -> type.getPackageName().startsWith("java.")
                        || type.getPackageName().startsWith(root + ".events")
                        || type.getPackageName().startsWith("com.fasterxml.jackson.annotation")
                        || type.getName().equals("org.axonframework.serialization.Revision")
                        || type.isPrimitive()
                        || type.isArray() && type.getBaseComponentType().getPackageName().startsWith("java."));
    }
}
