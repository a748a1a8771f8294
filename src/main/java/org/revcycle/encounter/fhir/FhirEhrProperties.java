package org.revcycle.encounter.fhir;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The EHR's FHIR R4 server. Switching from the sandbox to a real EHR is the base URL and the
 * credentials.
 *
 * @param baseUrl empty: the sandbox EHR's FHIR server inside this application (/sandbox/fhir)
 * @param sourceSystem the name intake files this EHR's encounters under
 * @param auth NONE, BASIC (username, password) or CLIENT_CREDENTIALS (OAuth2: tokenUrl, clientId, clientSecret, scope)
 */
@ConfigurationProperties("revcycle.ehr.fhir")
public record FhirEhrProperties(
    @DefaultValue("") String baseUrl,
    @DefaultValue("sandbox-ehr") String sourceSystem,
    @DefaultValue("NONE") Auth auth,
    String username,
    String password,
    String tokenUrl,
    String clientId,
    String clientSecret,
    String scope,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout) {

  public enum Auth {
    NONE,
    BASIC,
    CLIENT_CREDENTIALS
  }
}
