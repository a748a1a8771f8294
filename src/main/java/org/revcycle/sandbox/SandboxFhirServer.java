package org.revcycle.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * The sandbox EHR's FHIR R4 server (HAPI FHIR plain server), registered under /sandbox/fhir:
 * reads of every resource an encounter references, and the searches intake uses (finished
 * Encounters by _lastUpdated, ChargeItems by context, Coverages by beneficiary, Conditions and
 * Procedures by encounter).
 */
public class SandboxFhirServer extends RestfulServer {

  public static final String PATH = "/sandbox/fhir";

  public SandboxFhirServer(FhirContext context, SandboxEhr ehr) {
    super(context);
    setResourceProviders(List.of(
        new EncounterProvider(ehr), new ChargeItemProvider(ehr), new CoverageProvider(ehr),
        new ConditionProvider(ehr), new ProcedureProvider(ehr),
        new ReadOnly<>(ehr, Patient.class), new ReadOnly<>(ehr, Organization.class),
        new ReadOnly<>(ehr, Practitioner.class), new ReadOnly<>(ehr, Location.class),
        new ReadOnly<>(ehr, Account.class), new ReadOnly<>(ehr, RelatedPerson.class)));
  }

  /** Read by id; 404 (OperationOutcome) when the EHR has no such resource. */
  public static class ReadOnly<T extends Resource> implements IResourceProvider {
    final SandboxEhr ehr;
    final Class<T> type;

    ReadOnly(SandboxEhr ehr, Class<T> type) {
      this.ehr = ehr;
      this.type = type;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return type;
    }

    @Read
    public Resource read(@IdParam IdType id) {
      return ehr.read(type, id.getIdPart())
          .orElseThrow(() -> new ResourceNotFoundException(type.getSimpleName() + "/" + id.getIdPart() + " is not known"));
    }
  }

  public static class EncounterProvider extends ReadOnly<Encounter> {
    EncounterProvider(SandboxEhr ehr) {
      super(ehr, Encounter.class);
    }

    /** Sorted by _lastUpdated, oldest first, at most _count: the way a poll pages through. */
    @Search
    public List<Encounter> search(@OptionalParam(name = Encounter.SP_STATUS) TokenParam status,
        @OptionalParam(name = Constants.PARAM_LASTUPDATED) DateRangeParam lastUpdated,
        @Count Integer count) {
      ehr.closeDue();
      Date from = lastUpdated == null ? null : lastUpdated.getLowerBoundAsInstant();
      Date to = lastUpdated == null ? null : lastUpdated.getUpperBoundAsInstant();
      return ehr.search(Encounter.class, e -> (status == null || status.getValue().equals(e.getStatus().toCode()))
              && (from == null || !e.getMeta().getLastUpdated().before(from))
              && (to == null || !e.getMeta().getLastUpdated().after(to)))
          .stream().limit(count == null ? 100 : count).toList();
    }
  }

  public static class ChargeItemProvider extends ReadOnly<ChargeItem> {
    ChargeItemProvider(SandboxEhr ehr) {
      super(ehr, ChargeItem.class);
    }

    @Search
    public List<ChargeItem> byContext(@RequiredParam(name = ChargeItem.SP_CONTEXT) ReferenceParam context) {
      return ehr.search(ChargeItem.class, c -> context.getIdPart().equals(c.getContext().getReferenceElement().getIdPart()));
    }
  }

  public static class CoverageProvider extends ReadOnly<Coverage> {
    CoverageProvider(SandboxEhr ehr) {
      super(ehr, Coverage.class);
    }

    @Search
    public List<Coverage> byBeneficiary(@RequiredParam(name = Coverage.SP_BENEFICIARY) ReferenceParam beneficiary) {
      return ehr.search(Coverage.class,
          c -> beneficiary.getIdPart().equals(c.getBeneficiary().getReferenceElement().getIdPart()));
    }
  }

  public static class ConditionProvider extends ReadOnly<Condition> {
    ConditionProvider(SandboxEhr ehr) {
      super(ehr, Condition.class);
    }

    @Search
    public List<Condition> byEncounter(@RequiredParam(name = Condition.SP_ENCOUNTER) ReferenceParam encounter) {
      return ehr.search(Condition.class, c -> encounter.getIdPart().equals(c.getEncounter().getReferenceElement().getIdPart()));
    }
  }

  public static class ProcedureProvider extends ReadOnly<Procedure> {
    ProcedureProvider(SandboxEhr ehr) {
      super(ehr, Procedure.class);
    }

    @Search
    public List<Procedure> byEncounter(@RequiredParam(name = Procedure.SP_ENCOUNTER) ReferenceParam encounter) {
      return ehr.search(Procedure.class, p -> encounter.getIdPart().equals(p.getEncounter().getReferenceElement().getIdPart()));
    }
  }
}
