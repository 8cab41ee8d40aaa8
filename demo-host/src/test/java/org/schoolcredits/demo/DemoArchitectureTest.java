package org.schoolcredits.demo;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo host embeds the plugin as any host would: through its {@code host} package alone. */
class DemoArchitectureTest {

    static final JavaClasses DEMO = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.schoolcredits.demo");

    @Test
    @DisplayName("nothing in the demo calls jakarta.json.Json, whose every call looks the JSON-P provider up")
    void noServiceLoaderPerCall() {
        noClasses().should().callMethodWhere(describe("a static method of jakarta.json.Json",
                        call -> call.getTarget().getOwner().isEquivalentTo(jakarta.json.Json.class)))
                .check(DEMO);
    }

    @Test
    @DisplayName("the demo host uses nothing of the plugin but its host package")
    void demoUsesOnlyHost() {
        noClasses().that().resideInAPackage("org.schoolcredits.demo..")
                .should().dependOnClassesThat(resideInAPackage("org.schoolcredits..")
                        .and(not(resideInAnyPackage("org.schoolcredits.demo..", "org.schoolcredits.host.."))))
                .check(DEMO);
    }
}
