package org.shutong.certificate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The features (top-level packages) depend on each other without cycles, and no feature
 * reaches into another's web package.
 */
class ModularityTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.shutong.certificate");

	@Test
	void featuresAreFreeOfCycles() {
		slices().matching("org.shutong.certificate.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void webPackagesAreUsedByNoOtherPackage() {
		noClasses().that()
			.resideOutsideOfPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..web..")
			.check(this.classes);
	}

}
