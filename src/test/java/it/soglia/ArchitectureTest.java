package it.soglia;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure, checked on the compiled classes (so a fully qualified name in code counts as much as an
 * import): each top-level package of {@code it.soglia} can be understood, tested and changed from the packages below
 * it, never from one that depends on it.
 */
@AnalyzeClasses(packages = "it.soglia", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** account, mail, twofactor … each a slice ({@code web.admin} is part of {@code web}): no cycle among them. */
    @ArchTest
    static final ArchRule topLevelPackagesFormNoCycle = slices().matching("it.soglia.(*)..")
            .should().beFreeOfCycles();

    /**
     * The TOTP arithmetic (RFC 4226/6238, Base32, the QR code) runs in any JVM: no Jakarta EE, nor its javax.*
     * predecessor. The JDK's own {@code javax.crypto} (HMAC, PBKDF2) is Java SE and allowed.
     */
    @ArchTest
    static final ArchRule totpNeedsNoContainer = noClasses().that().resideInAPackage("it.soglia.totp..")
            .should().dependOnClassesThat(resideInAnyPackage("jakarta..", "javax..")
                    .and(not(resideInAPackage("javax.crypto..")))
                    .as("are in jakarta or javax (but the JDK's javax.crypto)"));

    /** The pages are the top: nothing below them may reach into their backing beans. */
    @ArchTest
    static final ArchRule nothingDependsOnTheWebLayer = noClasses().that().resideOutsideOfPackage("it.soglia.web..")
            .should().dependOnClassesThat().resideInAPackage("it.soglia.web..");
}
