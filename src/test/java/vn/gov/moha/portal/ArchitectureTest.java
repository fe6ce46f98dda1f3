package vn.gov.moha.portal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.component.Component;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.security.access.annotation.Secured;
import vn.gov.moha.portal.notification.AdhocReminders;
import vn.gov.moha.portal.notification.DeadlineScanner;
import vn.gov.moha.portal.notification.ReportReminders;
import vn.gov.moha.portal.workflow.assignment.WorkflowEvents;
import vn.gov.moha.portal.workflow.reporting.DueDates;

/**
 * Where code may reach, checked on the compiled classes (see docs/architecture.md): features form no cycles, the
 * workflow's sub-packages form none either and keep their screens and repositories to themselves, screens reach
 * data only through services, and the shared packages depend on no feature. Two habits too: every package is
 * {@code @NullMarked}, and only screens use JSR-250 role annotations (services use {@code @PreAuthorize}).
 *
 * <p>ArchUnit rather than Spring Modulith's {@code ApplicationModules.verify()}: Modulith takes each direct
 * sub-package of the application package as a module and lets other modules use only its top package (or
 * declared named interfaces), which does not fit the workflow's sub-packages using each other's public services
 * and entities, nor an allow-list of shared packages; and ArchUnit is already here and states each rule
 * separately, with its reason.
 */
class ArchitectureTest {

    private static final String[] SHARED = {
        "vn.gov.moha.portal.common..",
        "vn.gov.moha.portal.i18n..",
        "vn.gov.moha.portal.security..",
        "vn.gov.moha.portal.ui..",
        "vn.gov.moha.portal.layout.."
    };

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.gov.moha.portal");

    @Test
    void featuresDoNotFormCycles() {
        slices().matching("vn.gov.moha.portal.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void workflowSubPackagesDoNotFormCycles() {
        slices().matching("vn.gov.moha.portal.workflow.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void periodsDependOnNoOtherWorkflowPackage() {
        noClasses()
                .that()
                .resideInAPackage("vn.gov.moha.portal.workflow.period..")
                .should()
                .dependOnClassesThat(resideInAPackage("vn.gov.moha.portal.workflow..")
                        .and(not(resideInAPackage("vn.gov.moha.portal.workflow.period.."))))
                .because("reporting periods and their rules are the base every other workflow package builds on")
                .check(CLASSES);
    }

    @Test
    void workflowScreensLiveInWorkflowUi() {
        classes()
                .that()
                .resideInAPackage("vn.gov.moha.portal.workflow..")
                .and()
                .areAssignableTo(Component.class)
                .should()
                .resideInAPackage("vn.gov.moha.portal.workflow.ui..")
                .because("the workflow's screens and dialogs navigate to each other and share one package")
                .check(CLASSES);
    }

    @Test
    void nothingOutsideWorkflowUiUsesIt() {
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.gov.moha.portal.workflow.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.gov.moha.portal.workflow.ui..")
                .because("screens are the top: other code links to them by their address")
                .check(CLASSES);
    }

    @Test
    void screensNeverTouchRepositories() {
        noClasses()
                .that()
                .areAssignableTo(Component.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("views go through secured services, which check roles and rules")
                .check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyInTheirOwnPackage() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .and()
                .resideInAPackage("vn.gov.moha.portal..")
                .should(beUsedOnlyInTheirOwnPackage())
                .because("another package asks the owning package's service, which keeps its rules")
                .check(CLASSES);
    }

    @Test
    void sharedPackagesDependOnNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(SHARED)
                .should()
                .dependOnClassesThat(resideInAPackage("vn.gov.moha.portal..").and(not(resideInAnyPackage(SHARED))))
                .because("every feature may use them, so they may use only each other (an allow-list: a new"
                        + " feature is covered without editing this rule)")
                .check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() {
        classes()
                .that()
                .resideInAPackage("vn.gov.moha.portal..")
                .should(beInANullMarkedPackage())
                .because("nothing is null unless it says @Nullable; a new package needs its package-info.java")
                .check(CLASSES);
    }

    @Test
    void onlyScreensUseJsr250OrSecured() {
        noClasses()
                .that()
                .areNotAssignableTo(Component.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(RolesAllowed.class, PermitAll.class, DenyAll.class, Secured.class)
                .because("services guard with @PreAuthorize (on the class where the whole service shares it);"
                        + " screens keep @RolesAllowed / @PermitAll, which Vaadin's navigation check reads")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> beInANullMarkedPackage() {
        return new ArchCondition<>("be in a @NullMarked package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getPackageName() + " has no package-info.java with @NullMarked"));
                }
            }
        };
    }

    @Test
    void notificationKnowsTheWorkflowOnlyByItsEventsDueDatesAndPeriods() {
        noClasses()
                .that()
                .resideInAPackage("vn.gov.moha.portal.notification..")
                .should()
                .dependOnClassesThat(resideInAPackage("vn.gov.moha.portal.workflow..")
                        .and(not(belongToAnyOf(WorkflowEvents.class, DueDates.class)))
                        .and(not(resideInAPackage("vn.gov.moha.portal.workflow.period.."))))
                .because("the events carry what a notice shows and DueDates what the scans need, so notifications"
                        + " never reach the workflow's entities, repositories or services")
                .check(CLASSES);
    }

    @Test
    void notificationQueriesOnlyThroughItsStoreAndOutbox() {
        noClasses()
                .that()
                .resideInAPackage("vn.gov.moha.portal.notification..")
                .and()
                .doNotHaveSimpleName("NotificationStore")
                .and()
                .doNotHaveSimpleName("OutboxSender")
                .and()
                .doNotHaveSimpleName("NotificationConfig") // the scheduler lock's own table
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcOperations.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(NamedParameterJdbcOperations.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("its SQL reads and writes its own tables and the people to tell; what it needs of the"
                        + " workflow comes in the events and from DueDates")
                .check(CLASSES);
    }

    @Test
    void onlyTheScheduledScansUseTheUnguardedDueDates() {
        noClasses()
                .that(resideOutsideOfPackage("vn.gov.moha.portal.workflow.reporting..")
                        .and(not(belongToAnyOf(DeadlineScanner.class, ReportReminders.class, AdhocReminders.class))))
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(DueDates.class)
                .because("DueDates checks no role (the scans run with nobody logged in); screens and services read"
                        + " through the secured services")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency d : repository.getDirectDependenciesToSelf()) {
                    if (!d.getOriginClass().getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
