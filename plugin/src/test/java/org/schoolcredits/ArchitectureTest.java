package org.schoolcredits;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.purchases.StripeGateway;

/**
 * The arrows of the plugin's layout (README, "Layout"), held on its compiled classes (tests
 * excluded), so that the picture cannot drift. The demo host's own rule is in the demo host's
 * {@code DemoArchitectureTest}.
 */
class ArchitectureTest {

    static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.schoolcredits");

    /** SQL that changes the ledger's own tables. */
    static final Pattern WRITES_CREDITS = Pattern.compile(
            "(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+(entry|balance|lot|hold|hold_lot)\\b");

    @Test
    @DisplayName("nothing calls jakarta.json.Json, whose every call looks the JSON-P provider up through the ServiceLoader")
    void noServiceLoaderPerCall() {
        noClasses().should().callMethodWhere(describe("a static method of jakarta.json.Json",
                        call -> call.getTarget().getOwner().isEquivalentTo(jakarta.json.Json.class)))
                .because("a provider looked up per request cost a third of the HTTP workers' time (bench/README.md)")
                .check(PLUGIN);
    }

    @Test
    @DisplayName("the host SPI imports nothing of the plugin's")
    void hostImportsNothing() {
        noClasses().that().resideInAPackage("org.schoolcredits.host..")
                .should().dependOnClassesThat(resideInAPackage("org.schoolcredits..")
                        .and(not(resideInAPackage("org.schoolcredits.host.."))))
                .check(PLUGIN);
    }

    @Test
    @DisplayName("the kernel's value types use only the host SPI")
    void kernelUsesOnlyHost() {
        noClasses().that().resideInAPackage("org.schoolcredits.kernel..")
                .should().dependOnClassesThat(resideInAPackage("org.schoolcredits..")
                        .and(not(resideInAnyPackage("org.schoolcredits.kernel..", "org.schoolcredits.host.."))))
                .check(PLUGIN);
    }

    @Test
    @DisplayName("no package of the plugin depends, through any path, on itself")
    void noCycles() {
        slices().matching("org.schoolcredits.(*)..").should().beFreeOfCycles().check(PLUGIN);
    }

    @Test
    @DisplayName("only the Stripe gateway imports Stripe's library")
    void onlyTheGatewaySpeaksStripe() {
        noClasses().that(describe("are not the Stripe gateway",
                        (JavaClass c) -> !c.getName().startsWith(StripeGateway.class.getName())))
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .check(PLUGIN);
    }

    @Test
    @DisplayName("capabilities tell alerts through events they own: only the composition root depends on alerts")
    void nobodyCallsAlerts() {
        noClasses().that().resideOutsideOfPackages("org.schoolcredits.alerts..", "org.schoolcredits.app..")
                .should().dependOnClassesThat().resideInAPackage("org.schoolcredits.alerts..")
                .check(PLUGIN);
    }

    @Test
    @DisplayName("the ledger's writers (balances, lots, the spend, holds, entries) are its own, not public")
    void ledgerWritersStayInside() {
        List<String> writers = List.of("Balances", "Lots", "Spend", "Holds", "Entry", "NamedSql");
        classes().that().resideInAPackage("org.schoolcredits.ledger")
                .and(describe("are named " + writers, (JavaClass c) -> writers.contains(c.getSimpleName())))
                .should().notBePublic()
                .check(PLUGIN);
    }

    @Test
    @DisplayName("only the ledger's sources hold SQL that writes entries, balances, lots or holds")
    void onlyTheLedgerWritesCredits() throws IOException {
        Path sources = Path.of("src/main/java/org/schoolcredits");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> writers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(sources.resolve("ledger")))
                    .filter(ArchitectureTest::writesCredits)
                    .map(f -> sources.relativize(f).toString())
                    .toList();
            assertEquals(List.of(), writers);
        }
    }

    static boolean writesCredits(Path file) {
        try {
            return WRITES_CREDITS.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
