package org.revcycle.encounter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.DateParam;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.revcycle.encounter.EhrEncounter;
import org.revcycle.encounter.Ehr;
import org.revcycle.encounter.FacilityDirectory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The EHR over FHIR R4 (HAPI FHIR client): searches finished Encounters by _lastUpdated, reads
 * one Encounter with everything it references, and maps it for intake.
 */
@Component
public class FhirEhr implements Ehr {

  private final FhirContext context;
  private final FhirEhrProperties properties;
  private final FacilityDirectory facilities;
  private final Environment environment;
  private final Clock clock;
  private volatile IGenericClient client;

  public FhirEhr(FhirContext context, FhirEhrProperties properties, FacilityDirectory facilities,
      Environment environment, Clock clock) {
    this.context = context;
    this.properties = properties;
    this.facilities = facilities;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public String sourceSystem() {
    return properties.sourceSystem();
  }

  @Override
  public List<EncounterChange> finishedSince(Instant since, int max) {
    Bundle page = client().search().forResource(Encounter.class)
        .where(new TokenClientParam("status").exactly().code("finished"))
        .lastUpdated(new DateRangeParam(new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(since))))
        .sort().ascending("_lastUpdated")
        .count(max)
        .returnBundle(Bundle.class)
        .execute();
    return page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Encounter.class::isInstance).map(Encounter.class::cast)
        .map(e -> new EncounterChange(e.getIdElement().getIdPart(), e.getMeta().getLastUpdated().toInstant()))
        .toList();
  }

  @Override
  public EhrEncounter read(String encounterId) {
    Encounter encounter = client().read().resource(Encounter.class).withId(encounterId).execute();
    return map(encounter, new ServerResources(client()));
  }

  /** An encounter with its resources from wherever they came (the server, or a notification's Bundle). */
  EhrEncounter map(Encounter encounter, FhirResources resources) {
    EncounterGraph graph = FhirEncounterReader.read(encounter, resources);
    FhirEncounterMapper.Mapped mapped = new FhirEncounterMapper(properties.sourceSystem(), facilities).map(graph);
    String version = encounter.getMeta().hasVersionId() ? "/_history/" + encounter.getMeta().getVersionId() : "";
    return new EhrEncounter("Encounter/" + encounter.getIdElement().getIdPart() + version,
        context.newJsonParser().encodeResourceToString(graph.asBundle()), mapped.encounter(), mapped.findings());
  }

  FhirContext context() {
    return context;
  }

  /** Built at first use: the sandbox's server address is known only once the web server runs. */
  private IGenericClient client() {
    IGenericClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = newClient();
        }
        c = client;
      }
    }
    return c;
  }

  private IGenericClient newClient() {
    String baseUrl = properties.baseUrl().isBlank()
        ? "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
            + "/sandbox/fhir"
        : properties.baseUrl();
    IRestfulClientFactory factory = context.getRestfulClientFactory();
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setConnectTimeout((int) properties.connectTimeout().toMillis());
    factory.setSocketTimeout((int) properties.readTimeout().toMillis());
    IGenericClient c = context.newRestfulGenericClient(baseUrl);
    switch (properties.auth()) {
      case BASIC -> c.registerInterceptor(new BasicAuthInterceptor(properties.username(), properties.password()));
      case CLIENT_CREDENTIALS -> c.registerInterceptor(new ClientCredentialsInterceptor(properties.tokenUrl(),
          properties.clientId(), properties.clientSecret(), properties.scope(), clock));
      case NONE -> { }
    }
    return c;
  }
}
