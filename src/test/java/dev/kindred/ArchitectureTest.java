package dev.kindred;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules from DESIGN.md and STYLE.md, checked on the main code. Plain JUnit tests (not the
 * ArchUnit engine) so they run and report like every other test; dependencies outside dev.kindred are
 * not resolved from the class path, since only their package names matter here.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        // the main classes' own directory: scanning every jar on the class path for the package is slow
        Path mainClasses = Path.of(Kindred.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(mainClasses);
    }

    @Test
    void onlyTheStoreTalksToMongoDb() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.kindred.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.mongodb..", "org.bson..", "de.bwaldvogel..")
                .because("the MongoDB driver and the embedded server stay behind the memory interfaces")
                .check(classes);
    }

    @Test
    void onlyDiscordTalksToJda() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.kindred.discord..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("net.dv8tion..")
                .because("JDA stays at the Discord edge")
                .check(classes);
    }

    @Test
    void modelAdaptersDoNotDependOnTheAgent() {
        noClasses()
                .that()
                .resideInAPackage("dev.kindred.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kindred.agent..", "dev.kindred.discord..", "dev.kindred.store..")
                .because("providers map requests and responses; the runtime decides")
                .check(classes);
    }

    @Test
    void memoryDependsOnNoOuterLayer() {
        noClasses()
                .that()
                .resideInAPackage("dev.kindred.memory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.kindred.agent..",
                        "dev.kindred.discord..",
                        "dev.kindred.console..",
                        "dev.kindred.store..",
                        "dev.kindred.sleeptime..")
                .because("memory declares the model and the interfaces that the outer layers use")
                .check(classes);
    }
}
