package com.personnelevents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.personnelevents", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The workflow is plain Java: no Spring, no servlet or HTTP types, no persistence. */
    @ArchTest
    static final ArchRule workflow_is_free_of_frameworks = noClasses()
            .that()
            .resideInAPackage("..workflow..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..", "tools.jackson.databind..");

    /**
     * The event aggregate and the workflow know nothing of JSON, HTTP or who calls: the API's spellings,
     * statuses and tokens are the web and auth features' business.
     */
    @ArchTest
    static final ArchRule the_domain_knows_no_json_http_or_tokens = noClasses()
            .that()
            .resideInAPackage("..workflow..")
            .or()
            .haveFullyQualifiedName("com.personnelevents.event.PersonnelEvent")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.fasterxml.jackson..",
                    "tools.jackson..",
                    "org.springframework.http..",
                    "jakarta.servlet..",
                    "com.personnelevents.auth..",
                    "com.personnelevents.web..");

    /** Features tell each other things by calls through interfaces ArchUnit sees, not by Spring events. */
    @ArchTest
    static final ArchRule no_feature_publishes_spring_events = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.context.ApplicationEventPublisher")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.context.event.EventListener");

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_cycles =
            slices().matching("com.personnelevents.(*)..").should().beFreeOfCycles();

    /** Each feature's SQL stays in its own package: others go through its service. */
    @ArchTest
    static final ArchRule repositories_are_private_to_their_feature = classes()
            .that()
            .haveSimpleNameEndingWith("Repository")
            .or()
            .haveSimpleNameEndingWith("Store")
            .should()
            .notBePublic();

    @ArchTest
    static final ArchRule controllers_hold_no_sql = noClasses()
            .that()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "java.sql..");
}
