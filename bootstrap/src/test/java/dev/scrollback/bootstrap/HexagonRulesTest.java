package dev.scrollback.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.scrollback.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** SPEC §2 as executable rules: the hexagon, plain-Java core, no framework leaks, no capability cycles, honest names. */
@AnalyzeClasses(packages = "dev.scrollback",
        importOptions = {ImportOption.DoNotIncludeTests.class, HexagonRulesTest.DoNotIncludeTestJars.class})
class HexagonRulesTest {

    @ArchTest
    static final ArchRule dependencies_point_inwards = onionArchitecture()
            .domainModels("dev.scrollback.domain..")
            .applicationServices("dev.scrollback.application..")
            .adapter("persistence", "dev.scrollback.adapters.persistence..")
            .adapter("crypto", "dev.scrollback.adapters.crypto..")
            .adapter("mail", "dev.scrollback.adapters.mail..")
            .adapter("telnet", "dev.scrollback.adapters.telnet..")
            .adapter("web", "dev.scrollback.adapters.web..")
            .adapter("sandbox", "dev.scrollback.adapters.sandbox..")
            .withOptionalLayers(true)          // no "domain services" layer: deciders are the domain
            .ignoreDependency(resideInAPackage("dev.scrollback.bootstrap.."), alwaysTrue());   // the composition root

    @ArchTest
    static final ArchRule domain_imports_only_the_jdk = classes()
            .that().resideInAPackage("dev.scrollback.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.scrollback.domain..", "java..");

    @ArchTest
    static final ArchRule application_imports_only_domain_and_jakarta = classes()
            .that().resideInAPackage("dev.scrollback.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.scrollback.domain..",
                    "dev.scrollback.application..", "java..", "jakarta.inject..", "jakarta.validation..");

    @ArchTest
    static final ArchRule spring_stays_in_bootstrap = noClasses()
            .that().resideOutsideOfPackage("dev.scrollback.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule axon_stays_in_persistence = noClasses()
            .that().resideOutsideOfPackages("dev.scrollback.adapters.persistence..", "dev.scrollback.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("org.axonframework..");

    @ArchTest
    static final ArchRule javalin_stays_in_web = noClasses()
            .that().resideOutsideOfPackages("dev.scrollback.adapters.web..", "dev.scrollback.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule domain_reads_no_clock_and_rolls_no_dice = noClasses()
            .that().resideInAPackage("dev.scrollback.domain..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(System.class, "currentTimeMillis");

    @ArchTest
    static final ArchRule application_reads_time_from_the_clock_port = noClasses()
            .that().resideInAPackage("dev.scrollback.application..")
            .and().doNotHaveSimpleName("UuidV7")             // ids are time-ordered by design, not business time
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis");

    @ArchTest
    static final ArchRule events_are_records = classes()
            .that().areAssignableTo(DomainEvent.class).and().areNotInterfaces()
            .should().beRecords();

    @ArchTest
    static final ArchRule capabilities_form_no_cycles = slices()
            .assignedFrom(new CapabilityOfPackage())
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule names_say_what_things_are = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Port");

    /** Other modules' test-jars (test fixtures) are on this module's test class path; they are not production code. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    /**
     * The capability a class belongs to, across modules: {@code domain.accounts}, {@code application.accounts} and
     * {@code adapters.web.accounts} are all "accounts"; {@code domain.shared} and {@code application.shared} are the
     * kernel every capability builds on, which must depend on none of them. An adapter's root and its {@code shared}
     * package are left out: they assemble that adapter's capabilities (the server, the store, problem mapping) rather
     * than belong to one.
     */
    static final class CapabilityOfPackage implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            var parts = javaClass.getPackageName().split("\\.");
            if (parts.length < 3 || !parts[0].equals("dev") || !parts[1].equals("scrollback")) return SliceIdentifier.ignore();
            boolean adapter = parts[2].equals("adapters");
            int capabilityIndex = adapter ? 4 : 3;
            if (parts.length <= capabilityIndex || parts[2].equals("bootstrap")) return SliceIdentifier.ignore();
            if (adapter && parts[capabilityIndex].equals("shared")) return SliceIdentifier.ignore();
            return SliceIdentifier.of(parts[capabilityIndex]);
        }

        @Override
        public String getDescription() {
            return "capabilities across modules";
        }
    }
}
