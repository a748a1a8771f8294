package org.revcycle.encounter.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One FHIR R4 context for the application: building it scans the model, which is slow. */
@Configuration
@EnableConfigurationProperties(FhirEhrProperties.class)
public class FhirConfiguration {

  @Bean
  public FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }
}
