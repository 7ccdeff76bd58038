package com.feedbacksync.adapters.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.feedbacksync.application.port.out.IntercomFailure;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon, stated as sentences. This module's test classpath holds every production module, so
 * the rules see the whole WAR. Sibling modules arrive as jars under verify, hence no
 * DoNotIncludeJars.
 */
@AnalyzeClasses(
    packages = "com.feedbacksync",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** The domain's and application's test-jars (builders, fakes, contracts) are tests too. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule the_domain_depends_only_on_java =
      classes()
          .that()
          .resideInAPackage("com.feedbacksync.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("com.feedbacksync.domain..", "java..")
          .because("the policies are plain Java with no framework, no I/O and no clock");

  @ArchTest
  static final ArchRule the_application_depends_only_on_the_domain_and_java =
      classes()
          .that()
          .resideInAPackage("com.feedbacksync.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.feedbacksync.application..", "com.feedbacksync.domain..", "java..")
          .because("use cases are framework-free and wired by the composition root");

  @ArchTest
  static final ArchRule adapters_reach_each_other_only_through_ports =
      slices()
          .matching("com.feedbacksync.adapters.(*)..")
          .should()
          .notDependOnEachOther()
          .because("an adapter implements ports; it never calls another adapter directly");

  @ArchTest
  static final ArchRule the_layers_form_an_onion =
      onionArchitecture()
          .withOptionalLayers(true)
          .domainModels("com.feedbacksync.domain..")
          .applicationServices("com.feedbacksync.application..")
          .adapter("persistence", "com.feedbacksync.adapters.persistence..")
          .adapter("intercom", "com.feedbacksync.adapters.intercom..")
          .adapter("web", "com.feedbacksync.adapters.web..");

  @ArchTest
  static final ArchRule jpa_is_used_only_in_the_persistence_adapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.feedbacksync.adapters.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.flywaydb..")
          .because("storage is a detail behind the out-ports");

  @ArchTest
  static final ArchRule the_rest_client_is_used_only_in_the_intercom_adapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.feedbacksync.adapters.intercom..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.microprofile.rest.client..")
          .because("HTTP to Intercom and its statuses stay inside the Intercom adapter");

  @ArchTest
  static final ArchRule jax_rs_resources_live_in_the_web_adapter_and_are_named_resources =
      classes()
          .that()
          .areAnnotatedWith(jakarta.ws.rs.Path.class)
          .and()
          .areNotInterfaces()
          .should()
          .resideInAnyPackage(
              "com.feedbacksync.adapters.web.api", "com.feedbacksync.adapters.web.webhook")
          .andShould()
          .haveSimpleNameEndingWith("Resource")
          .because("the admin API and the webhook receiver are the WAR's only endpoints");

  @ArchTest
  static final ArchRule rest_client_interfaces_live_in_the_intercom_adapter =
      classes()
          .that()
          .areAnnotatedWith(jakarta.ws.rs.Path.class)
          .and()
          .areInterfaces()
          .should()
          .resideInAPackage("com.feedbacksync.adapters.intercom..")
          .because("a JAX-RS interface is a REST client, and only the Intercom adapter calls out");

  @ArchTest
  static final ArchRule only_the_web_adapter_speaks_jax_rs_server_side =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "com.feedbacksync.adapters.web..", "com.feedbacksync.adapters.intercom..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jakarta.ws.rs..")
          .because("JAX-RS is the web adapter's (and the REST client's) business only");

  @ArchTest
  static final ArchRule application_packages_are_free_of_cycles =
      slices()
          .matching("com.feedbacksync.application.(**)")
          .should()
          .beFreeOfCycles()
          .because("services use ports and values; ports use values; values use only the domain");

  @ArchTest
  static final ArchRule use_cases_hand_out_values_never_ports =
      noClasses()
          .that()
          .resideInAPackage("com.feedbacksync.application.port.in..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.feedbacksync.application.port.out..")
          .because("a caller of a use case sees application and domain values, never a port");

  @ArchTest
  static final ArchRule values_depend_only_on_values_and_the_domain =
      classes()
          .that()
          .resideInAPackage("com.feedbacksync.application.model..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.feedbacksync.application.model..", "com.feedbacksync.domain..", "java..")
          .because("values that cross ports know nothing of ports or services");

  @ArchTest
  static final ArchRule out_ports_are_interfaces_and_their_failures =
      classes()
          .that()
          .resideInAPackage("com.feedbacksync.application.port.out..")
          .and()
          .areTopLevelClasses()
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .beInterfaces()
          .orShould()
          .beAssignableTo(IntercomFailure.class)
          .because("port.out says what the application needs; its values live in model");

  @ArchTest
  static final ArchRule only_the_intercom_adapter_parses_intercom_json =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.feedbacksync.adapters.intercom..")
          .and()
          .doNotHaveFullyQualifiedName("com.feedbacksync.adapters.persistence.JsonColumns")
          .and()
          .doNotHaveFullyQualifiedName("com.feedbacksync.adapters.web.security.RejectedToken")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.json.JsonReader")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.json.stream.JsonParser")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.json.bind.Jsonb")
          .because(
              "Intercom's wire format is read in its adapter; JsonColumns reads back only the"
                  + " columns the persistence adapter wrote itself, RejectedToken only the claims"
                  + " of a bearer token the server refused");
}
