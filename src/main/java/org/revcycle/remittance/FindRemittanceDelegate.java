package org.revcycle.remittance;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/**
 * BPMN "Look for remittance": takes up a remittance already received for the claim. Looking
 * before waiting means a remittance that came early is never missed.
 */
@Component("findRemittanceDelegate")
public class FindRemittanceDelegate implements JavaDelegate {

  private final RemittanceRepository remittances;
  private final Clock clock;

  public FindRemittanceDelegate(RemittanceRepository remittances, Clock clock) {
    this.remittances = remittances;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<UUID> found = remittances.nextUntakenFor(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)));
    found.ifPresent(id -> remittances.markTaken(id, clock.instant()));
    execution.setVariable(EncounterToCashProcess.VAR_REMITTANCE_RECEIVED, found.isPresent());
    execution.setVariable(EncounterToCashProcess.VAR_REMITTANCE_ID, found.map(UUID::toString).orElse(null));
  }
}
