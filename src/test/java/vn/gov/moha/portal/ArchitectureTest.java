package vn.gov.moha.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** Feature packages stay apart: no cycles between them, and screens reach data only through services. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.gov.moha.portal");

    @Test
    void featuresDoNotFormCycles() {
        slices().matching("vn.gov.moha.portal.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void screensNeverTouchRepositories() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("views go through secured services, which check roles and rules")
                .check(CLASSES);
    }

    @Test
    void sharedPackagesDoNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("..portal.common..", "..portal.security..", "..portal.i18n..",
                        "..portal.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("..portal.unit..", "..portal.user..",
                        "..portal.task..", "..portal.home..", "..portal.layout..", "..portal.demo..",
                        "..portal.calendar..")
                .check(CLASSES);
    }
}
