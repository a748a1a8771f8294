package org.revcycle.claim;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.revcycle.encounter.EncounterToCashProcess;
import org.springframework.stereotype.Component;

/** BPMN "Export journal to ERP": every path of a claim ends with its entries in the ERP. */
@Component("exportJournalDelegate")
public class ExportJournalDelegate implements JavaDelegate {

  private final ClaimClosing closing;

  public ExportJournalDelegate(ClaimClosing closing) {
    this.closing = closing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closing.exportToErp(UUID.fromString((String) execution.getVariable(EncounterToCashProcess.VAR_CLAIM_ID)));
  }
}
