package vn.ocop.infra.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.ocop");

    private static final String BROKEN_ROOT = "vn.ocop.infra.architecture.violations";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(BROKEN_ROOT);

    @Test
    void command_side_does_not_depend_on_query_side() {
        ModuleRules.commandSideDoesNotDependOnQuerySide("vn.ocop").check(PRODUCT);
    }

    @Test
    void query_side_does_not_depend_on_command_side() {
        ModuleRules.querySideDoesNotDependOnCommandSide("vn.ocop").check(PRODUCT);
    }

    @Test
    void shared_events_depend_on_nothing_but_java_jackson_annotations_and_revision() {
        ModuleRules.sharedEventsStayPlainJava("vn.ocop").check(PRODUCT);
    }

    @Test
    void a_command_class_using_the_query_side_breaks_the_rule() {
        assertThatThrownBy(() -> ModuleRules.commandSideDoesNotDependOnQuerySide(BROKEN_ROOT).check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReadsAView");
    }

    @Test
    void a_query_class_using_the_command_side_breaks_the_rule() {
        assertThatThrownBy(() -> ModuleRules.querySideDoesNotDependOnCommandSide(BROKEN_ROOT).check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SendsACommand");
    }

    @Test
    void an_event_using_spring_breaks_the_rule() {
        assertThatThrownBy(() -> ModuleRules.sharedEventsStayPlainJava(BROKEN_ROOT).check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("EventWithSpring")
                .hasMessageContaining("org.springframework");
    }
}
