package chime.conformance.runner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import chime.conformance.runner.steps.WireSteps;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of the kit, checked on its compiled classes (all modules are on this module's classpath).
 *
 * <ul>
 *   <li>The reference's core is plain Java: it imports neither the AWS SDK nor Jetty, nor the layers that adapt
 *       it (the SDK adapter, the HTTP server) or the kit's contract module, which is built on the SDK.</li>
 *   <li>The core's packages form no cycle: each depends only on packages below it.</li>
 *   <li>The contract (operation list, error catalogue) depends on the SDK's model only.</li>
 *   <li>The reports depend on neither the runner nor the reference implementation.</li>
 *   <li>The faults depend on public SDK types and the contract, never on the reference's internals (the
 *       messaging session's delivery faults excepted, named below with the reason).</li>
 *   <li>Step definitions reach a target only through the world ({@code runner.world}) and the API driver
 *       ({@code runner.api}): they use the {@code Target} the world hands them (its name, capabilities, clock)
 *       and the SDK clients it gives, never a target implementation ({@code target.sdk}, {@code target.reference},
 *       {@code target.aws}), what makes targets ({@code Targets}, {@code TargetProvider}, {@code TargetSession}),
 *       the SDK's client and HTTP machinery, or the reference implementation.</li>
 * </ul>
 */
class ArchitectureTest {

    private static final String CORE = "chime.conformance.reference.core..";

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("chime.conformance");

    /**
     * Step classes allowed one step past the rule, each with its reason. WireSteps sends raw HTTP requests
     * (a request no SDK would send) to the target's endpoint, which it reads from the SDK target
     * ({@code SdkTarget}); when the API driver carries the endpoint, the exception goes.
     */
    private static final Class<?>[] STEPS_REACHING_A_TARGET_DIRECTLY = {WireSteps.class};

    @Test
    void theCoreImportsNeitherTheSdkNorJetty() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "org.eclipse.jetty..",
                        "chime.conformance.contract..", "chime.conformance.reference.sdk..",
                        "chime.conformance.reference.http..")
                .because("the core is the executable reading of the documentation, in plain Java (design section 1)")
                .check(KIT);
    }

    @Test
    void theCorePackagesFormNoCycle() {
        slices().matching("chime.conformance.reference.core.(*)..")
                .should().beFreeOfCycles()
                .check(KIT);
    }

    @Test
    void theContractDependsOnTheSdkModelOnly() {
        noClasses().that().resideInAPackage("chime.conformance.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("chime.conformance.reference..",
                        "chime.conformance.runner..", "chime.conformance.reports..")
                .check(KIT);
    }

    @Test
    void theReportsDependOnNeitherTheRunnerNorTheReference() {
        noClasses().that().resideInAPackage("chime.conformance.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("chime.conformance.runner..",
                        "chime.conformance.reference..")
                .check(KIT);
    }

    /**
     * Faults allowed past the rule, with the reason. The messaging session's delivery faults
     * ({@code SessionFaults}) are injected into the in-process reference's delivery (its {@code SessionFault}
     * hook): the session is not an SDK client the kit could decorate. Until the session has a client-side
     * seam of its own, they name the reference.
     */
    private static final String FAULTS_REACHING_INTO_THE_REFERENCE = "SessionFaults";

    @Test
    void theFaultsDependOnPublicSdkTypesNotOnTheReferencesInternals() {
        noClasses().that().resideInAPackage("chime.conformance.runner.faults..")
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith(FAULTS_REACHING_INTO_THE_REFERENCE)))
                .should().dependOnClassesThat().resideInAPackage("chime.conformance.reference..")
                .because("a fault is a bug of any emulator, stated in the API's own types")
                .check(KIT);
    }

    @Test
    void stepsReachATargetOnlyThroughTheWorldAndTheDriver() {
        noClasses().that().resideInAPackage("chime.conformance.runner.steps..")
                .and().doNotBelongToAnyOf(STEPS_REACHING_A_TARGET_DIRECTLY)
                .should().dependOnClassesThat().resideInAnyPackage("chime.conformance.runner.target.sdk..",
                        "chime.conformance.runner.target.reference..", "chime.conformance.runner.target.aws..",
                        "chime.conformance.reference..", "software.amazon.awssdk.http..",
                        "software.amazon.awssdk.core.client..", "software.amazon.awssdk.regions..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("chime.conformance.runner.target.Targets")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("chime.conformance.runner.target.TargetProvider")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("chime.conformance.runner.target.TargetSession")
                .check(KIT);
    }

    @Test
    void theKnownExceptionsGoNoFurtherThanTheSdkTarget() {
        noClasses().that().belongToAnyOf(STEPS_REACHING_A_TARGET_DIRECTLY)
                .should().dependOnClassesThat().resideInAnyPackage("chime.conformance.runner.target.reference..",
                        "chime.conformance.runner.target.aws..", "chime.conformance.reference..")
                .check(KIT);
    }
}
