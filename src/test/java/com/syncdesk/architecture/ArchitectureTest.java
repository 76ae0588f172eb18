package com.syncdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps SyncDesk's shape: services and repositories know nothing of JavaFX, so the CLI and tests use them directly. */
@AnalyzeClasses(packages = "com.syncdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackages("com.syncdesk.ui..", "com.syncdesk")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..");

    @ArchTest
    static final ArchRule servicesDoNotDependOnTheUiOrCli = noClasses()
            .that().resideOutsideOfPackages("com.syncdesk.ui..", "com.syncdesk.cli..", "com.syncdesk")
            .should().dependOnClassesThat().resideInAnyPackage("com.syncdesk.ui..", "com.syncdesk.cli..");

    @ArchTest
    static final ArchRule theConsoleDoesNotUseTheCommandLine = noClasses()
            .that().resideInAPackage("com.syncdesk.ui..")
            .should().dependOnClassesThat().resideInAPackage("com.syncdesk.cli..");

    @ArchTest
    static final ArchRule theCommandLineDoesNotUseTheConsole = noClasses()
            .that().resideInAPackage("com.syncdesk.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.syncdesk.ui..");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("com.syncdesk.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiPackagesAreFreeOfCycles = slices().matching("com.syncdesk.ui.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewModelsKnowNoController = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller");

    @ArchTest
    static final ArchRule viewModelsBuildNoControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..");

    @ArchTest
    static final ArchRule nobodyUsesSwingOrAwtAtRuntime = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..");

    @ArchTest
    static final ArchRule logsGoThroughSlf4j = noClasses()
            .that().resideOutsideOfPackage("com.syncdesk.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
